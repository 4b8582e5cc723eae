import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { describeDatabase, openStorage } from '../storage/open-storage.ts';
import { createContext } from '../usecases/create-context.ts';
import { isNewInstance, loadDemo } from '../usecases/demo-data.ts';
import { cliNotifier } from './notifier.ts';

/** Opens the database (migrating and seeding it), loads the demo on first run, and serves until stopped. */
export async function serve(config: Config): Promise<void> {
  const storage = openStorage(config.databaseUrl);
  const ctx = await createContext(storage, { notifier: cliNotifier(config) });
  const app = await buildApp({ ctx, config, clientDir: resolve('dist/client') });
  if (await isNewInstance(storage)) {
    const loaded = await loadDemo(storage);
    app.log.info(
      `The database was empty, so ${loaded} DEMO places were loaded. Remove them with: npx kvartal demo --clear`,
    );
  }
  await ctx.vocabulary.warm();
  const close = async () => {
    await app.close();
    await storage.close();
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Kvartal is serving ${describeDatabase(config.databaseUrl)} at http://${config.host}:${config.port}/`,
  );
}
