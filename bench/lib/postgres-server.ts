import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  /** The server's maintenance URL; each data set gets its own database next to it. */
  url: string;
  version: string;
  /** Stops the server this run started; a server from BENCH_PG_URL is left running. */
  stop(): Promise<void>;
}

/** BENCH_PG_URL if given, else a throwaway cluster from scripts/pg.sh in a temp dir; null with a reason if neither works. */
export async function startPostgres(): Promise<PostgresServer | { error: string }> {
  const given = process.env.BENCH_PG_URL;
  if (given) {
    try {
      return { url: given, version: await serverVersion(given), stop: async () => {} };
    } catch (error) {
      return { error: `BENCH_PG_URL does not answer: ${(error as Error).message}` };
    }
  }
  // Directly under the temp dir: as root, pg.sh runs the server as "postgres", which must reach DIR.
  const dir = join(tmpdir(), `kvartal-bench-pg-${process.pid}`);
  let url: string;
  try {
    const { stdout } = await run('bash', ['scripts/pg.sh', 'start', dir], { maxBuffer: 1 << 20 });
    url = stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' / ') ?? '';
    return { error: `scripts/pg.sh could not start PostgreSQL: ${stderr || (error as Error).message}` };
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await run('bash', ['scripts/pg.sh', 'stop', dir]).catch(() => {});
  };
  stopOnExit(stop);
  return { url, version: await serverVersion(url), stop };
}

/** A new, empty database on the server (dropped first if a previous run left it). */
export async function createDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Runs SQL the repositories have no verb for (VACUUM ANALYZE, database size); returns the rows. */
export async function query(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  let rows: Array<Record<string, unknown>> = [];
  await admin(url, async (client) => {
    rows = (await client.query(text)).rows;
  });
  return rows;
}

async function serverVersion(url: string): Promise<string> {
  const rows = await query(url, 'SHOW server_version');
  return String(rows[0]?.server_version ?? '');
}

async function admin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Ctrl-C must not leave a PostgreSQL server running in /tmp. */
function stopOnExit(stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(130));
    });
  }
}
