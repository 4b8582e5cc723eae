import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { createContext } from '../../src/usecases/create-context.ts';
import { loadDemo } from '../../src/usecases/demo-data.ts';
import { freshDatabase } from '../support/backends.ts';
import { PINNED_NOW } from './browser.ts';

/** The app with operator settings the shared test server leaves at their defaults, for `inject` requests. */
export async function configuredApp(
  config: Partial<Pick<Config, 'dataLicense' | 'publicUrl'>> = {},
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const database = await freshDatabase('sqlite');
  const ctx = await createContext(database.storage, { now: () => PINNED_NOW });
  await loadDemo(ctx.storage, 120);
  const app = await buildApp({
    ctx,
    config: { adminToken: null, logLevel: 'warn', publicUrl: config.publicUrl ?? null, ...config },
    clientDir: resolve('dist/client'),
    logger: false,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
