import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../../workers/typescript-worker.ts';
import { type MappedBatch, type MappingSetup, type MappingTally, mapRecords } from './map-records.ts';
import { type MappingMessage, type MappingWorkerData, revivedError } from './mapping-messages.ts';

const WORKER = new URL('./mapping-worker.ts', import.meta.url);

// Batches the worker may have mapped and not yet handed over: enough that the writer never waits for it,
// few enough that memory stays a few thousand places whatever the file's size.
const AHEAD = 4;

/**
 * A file's mapped batches in its order. In a worker thread (`thread`), reading, validation, duplicate keys
 * and search keys run on the other core while this thread writes; otherwise here, a batch when asked for.
 * `tally` is called once the whole file has been mapped. Ending the iteration early stops the worker.
 */
export async function* mappedBatches(
  setup: MappingSetup,
  bytes: Uint8Array,
  tally: (tally: MappingTally) => void,
  thread: boolean,
): AsyncGenerator<MappedBatch> {
  if (!thread) {
    yield* mapRecords(setup, bytes, tally);
    return;
  }
  const data: MappingWorkerData = { setup, bytes, ahead: AHEAD };
  const inbox = new Inbox(startTypeScriptWorker(WORKER, { workerData: data }));
  try {
    for (;;) {
      const message = await inbox.next();
      if (message === 'unavailable') {
        // The worker could not load (nothing was mapped yet): map here instead, only slower, and say so,
        // or a broken deployment would quietly import on one core.
        process.emitWarning("the import's mapping worker could not start; mapping in the main thread", {
          code: 'KVARTAL_IMPORT_WORKER',
        });
        yield* mapRecords(setup, bytes, tally);
        return;
      }
      if (message.kind === 'ready') continue;
      if (message.kind === 'error') throw revivedError(message.error);
      if (message.kind === 'done') {
        tally(message.tally);
        return;
      }
      inbox.credit();
      yield message.batch;
    }
  } finally {
    await inbox.close();
  }
}

/** The worker's messages as a queue to await, with its failures turned into messages too. */
class Inbox {
  private readonly queue: Array<MappingMessage | 'unavailable'> = [];
  private waiting: (() => void) | undefined;
  private ready = false;
  private finished = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: MappingMessage) => {
      this.ready = true;
      this.push(message);
    });
    worker.on('error', (error) => {
      // Before `ready` the worker failed to load (tsx or a module missing): the caller falls back. After it,
      // even running out of memory on the first batch is the import's error.
      if (!this.ready) this.push('unavailable');
      else this.push({ kind: 'error', error: { name: error.name, message: error.message } });
    });
    worker.on('exit', (code) => {
      if (!this.finished)
        this.push({
          kind: 'error',
          error: { name: 'Error', message: `the import's mapping worker stopped (exit code ${code})` },
        });
    });
  }

  async next(): Promise<MappingMessage | 'unavailable'> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
    const message = this.queue.shift() as MappingMessage | 'unavailable';
    if (message === 'unavailable' || message.kind === 'done' || message.kind === 'error')
      this.finished = true;
    return message;
  }

  /** One batch taken: the worker may map one more. */
  credit(): void {
    this.worker.postMessage(null);
  }

  async close(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  private push(message: MappingMessage | 'unavailable'): void {
    if (this.finished) return;
    this.queue.push(message);
    this.waiting?.();
    this.waiting = undefined;
  }
}
