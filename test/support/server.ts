import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/http/app.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { loadDemo } from '../../src/usecases/demo-data.ts';
import type { Notifier } from '../../src/usecases/notifications.ts';
import { type Backend, freshDatabase } from './backends.ts';

export const ADMIN_TOKEN = 'test-operator-token';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The whole app on a fresh database, listening on a free loopback port. */
export async function startTestServer(
  options: {
    backend?: Backend;
    demo?: boolean | number;
    now?: Date;
    notifier?: Notifier;
    config?: Partial<AppOptions['config']>;
  } = {},
): Promise<TestServer> {
  const database = await freshDatabase(options.backend ?? 'sqlite');
  const now = options.now;
  const ctx = await createContext(database.storage, {
    ...(now ? { now: () => now } : {}),
    ...(options.notifier ? { notifier: options.notifier } : {}),
  });
  if (options.demo !== false) {
    await loadDemo(
      ctx.storage,
      typeof options.demo === 'number' ? options.demo : undefined,
      undefined,
      ctx.now(),
    );
  }
  const app = await buildApp({
    ctx,
    config: { adminToken: ADMIN_TOKEN, logLevel: 'warn', publicUrl: null, ...options.config },
    clientDir: resolve('dist/client'),
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    ctx,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
