import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { describeDatabase, openStorage } from '../storage/open-storage.ts';
import { createContext } from '../usecases/create-context.ts';
import { clearDemo, loadDemo } from '../usecases/demo-data.ts';
import { IMPORT_USAGE } from './import-usage.ts';
import { progressBar } from './progress.ts';

const USAGE = `Usage: kvartal <command> [options]

Commands:
  serve                 Start the web server (loads demo data into an empty database)
  migrate               Bring the database schema up to date
  demo [--count N]      Load the demo community (default 400 places)
  demo --clear          Remove all demo places
  import <file>         Import places from KML/KMZ (Google My Maps), GeoJSON, OSM (Overpass JSON, .osm) or CSV
  export --format F     Export the public places as geojson, kml or csv (--out FILE, default stdout)
  digest                Mail the moderation queue's size to moderators who want it (run it from cron)
  admin create --email ADDRESS
                        Make ADDRESS an admin (creating the account) and print a one-time sign-in link

Environment: DATABASE_URL (default ./data/kvartal.db; postgres://… for PostgreSQL), PORT, HOST, PUBLIC_URL,
MAP_PMTILES, MAP_TILES_UPSTREAM, MAP_GLYPHS_DIR, ADMIN_TOKEN, DATA_LICENSE, IMPORT_MAX_MB, SMTP_URL, MAIL_FROM,
TELEGRAM_BOT_TOKEN, TELEGRAM_BOT_NAME. See README.md.

Import options:
  ${IMPORT_USAGE.split('\n').slice(1).join('\n  ')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = readConfig();
  switch (command) {
    case 'serve': {
      // Loaded on demand: the other commands need neither Fastify nor the web pages.
      const { serve } = await import('./serve.ts');
      await serve(config);
      return -1;
    }
    case 'admin': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { email: { type: 'string' } },
      });
      if (positionals[0] !== 'create' || !values.email) {
        console.error('Usage: kvartal admin create --email ADDRESS');
        return 2;
      }
      const storage = openStorage(config.databaseUrl);
      try {
        const { createAdmin } = await import('../usecases/accounts/manage-accounts.ts');
        const ctx = await createContext(storage);
        const { user, path } = await createAdmin(ctx, values.email);
        const site = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
        console.log(`${user.email} is an admin. Sign in within an hour, once, with:\n${site}/en${path}`);
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'digest': {
      const storage = openStorage(config.databaseUrl);
      try {
        const { sendModerationDigest } = await import('../usecases/contributions/moderation-digest.ts');
        const { cliNotifier } = await import('./notifier.ts');
        const ctx = await createContext(storage, { notifier: cliNotifier(config) });
        const { sent, waiting } = await sendModerationDigest(ctx);
        console.log(`${waiting} items wait for moderation; the digest went to ${sent} moderators.`);
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'migrate': {
      const storage = openStorage(config.databaseUrl);
      try {
        const { applied } = await storage.migrate();
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: { clear: { type: 'boolean' }, count: { type: 'string' } },
      });
      const storage = openStorage(config.databaseUrl);
      try {
        const ctx = await createContext(storage);
        if (values.clear) {
          const removed = await clearDemo(ctx.storage);
          console.log(`Removed ${removed} demo places from ${describeDatabase(config.databaseUrl)}.`);
          return 0;
        }
        const count = values.count ? Number(values.count) : undefined;
        if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
          console.error('--count must be a positive whole number');
          return 2;
        }
        const bar = progressBar('Demo places', count ?? 400);
        const loaded = await loadDemo(ctx.storage, count, bar.update);
        bar.done();
        console.log(
          `Loaded ${loaded} demo places into ${describeDatabase(config.databaseUrl)}. Remove them with: npx kvartal demo --clear`,
        );
      } finally {
        await storage.close();
      }
      return 0;
    }
    case 'import': {
      const { importCommand } = await import('./import-command.ts');
      return importCommand(rest, config);
    }
    case 'export': {
      const { exportCommand } = await import('./export-command.ts');
      return exportCommand(rest, config);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
