// The first module of every worker thread (see typescript-worker.ts): tsx for this thread, then the worker's
// own TypeScript module, whose URL is the last argument.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
