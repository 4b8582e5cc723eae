/**
 * A server process for the HTTP benchmarks, so that autocannon (in the parent) and the server do not share an
 * event loop. `hello` is a bare Fastify hello-world, the ceiling; `app` is the real app on a database.
 *
 *   node --import tsx bench/lib/http-server.ts hello
 *   node --import tsx bench/lib/http-server.ts app <database url> <now, ISO>
 *
 * Sends `{ port }` to the parent over IPC once listening; exits when the parent disconnects.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Storage } from '../../src/storage/repositories.ts';

const [kind, databaseUrl, nowIso] = process.argv.slice(2);

let app: FastifyInstance;
let storage: Storage | null = null;
if (kind === 'hello') {
  app = Fastify();
  app.get('/', () => ({ hello: 'world' }));
} else if (kind === 'app' && databaseUrl && nowIso) {
  // Imported here so that the hello-world process loads nothing but Fastify.
  const { buildApp } = await import('../../src/http/app.ts');
  const { openStorage } = await import('../../src/storage/open-storage.ts');
  const { createContext } = await import('../../src/usecases/create-context.ts');
  const now = new Date(nowIso);
  storage = openStorage(databaseUrl);
  const ctx = await createContext(storage, { now: () => now });
  // As `kvartal serve` does before it listens.
  await ctx.vocabulary.warm();
  app = await buildApp({
    ctx,
    config: { adminToken: null, logLevel: 'warn', publicUrl: null },
    logger: false,
  });
} else {
  throw new Error('usage: http-server.ts hello | app <database url> <now, ISO>');
}

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
const stop = () => {
  void app
    .close()
    .then(() => storage?.close())
    .finally(() => process.exit(0));
};
process.on('disconnect', stop);
// Run by hand (for `node --cpu-prof`), Ctrl-C must exit normally so that the profile is written.
process.on('SIGINT', stop);
