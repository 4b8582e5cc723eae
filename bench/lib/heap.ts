import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `npm run bench` runs node without --expose-gc; this turns it on for this process only.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A full collection before a timed section: the previous target's point table and indexes (hundreds of MB at
 * 1M places) are garbage by then, and collecting them in the middle of the next section would land in its p99.
 */
export function collectGarbage(): void {
  gc();
}
