import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./typescript-worker-entry.mjs', import.meta.url);

/**
 * Starts a worker thread running a TypeScript module. Kvartal runs from its .ts sources through tsx, but the
 * loader hooks tsx installs (by `bin/kvartal.js`, `--import tsx` or Vitest's own transform) do not reach
 * worker threads on Node 20, and a worker given a .ts file fails with ERR_UNKNOWN_FILE_EXTENSION. So every
 * worker starts on a small JavaScript entry that registers tsx in its own thread and then imports `module`.
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions = {}): Worker {
  return new Worker(ENTRY, { ...options, argv: [module.href] });
}
