import { parentPort, workerData } from 'node:worker_threads';
import { mapRecords } from './map-records.ts';
import { type MappingMessage, type MappingWorkerData, serialisedError } from './mapping-messages.ts';

// The worker side of mapped-batches.ts: reads and maps the file, posting each batch in the file's order, and
// never more than `ahead` batches beyond what the writer has taken (a slow database must not make it hold
// the whole file's places in memory).
const port = parentPort;
if (!port) throw new Error('mapping-worker.ts runs only as a worker thread (see mapped-batches.ts)');
const { setup, bytes, ahead } = workerData as MappingWorkerData;
const post = (message: MappingMessage) => port.postMessage(message);
// Loaded: from here on, a failure is this file's (reported as an error), not a worker that could not start.
post({ kind: 'ready' });

let credit = ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit++;
  wake?.();
});

try {
  for await (const batch of mapRecords(setup, bytes, (tally) => post({ kind: 'done', tally }))) {
    post({ kind: 'batch', batch });
    credit--;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  }
} catch (error) {
  post({ kind: 'error', error: serialisedError(error) });
}
port.close();
