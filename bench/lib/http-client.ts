import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('./http-server.ts', import.meta.url));

/** Starts bench/lib/http-server.ts in its own process and waits until it listens. */
export async function startServer(args: string[]): Promise<ServerProcess> {
  const child: ChildProcess = fork(SERVER, args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((done, fail) => {
    child.once('message', (message) => done((message as { port: number }).port));
    child.once('exit', (code) =>
      fail(new Error(`bench server (${args[0]}) exited with ${code} before listening`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.disconnect();
      }),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers plus connection errors: any makes the line invalid. */
  failures: number;
  /** Requests answered in the timed run. */
  answered: number;
  /**
   * Requests sent but not answered when the run stopped. Their waits are in no latency figure, so a run that
   * left most connections waiting measured only the few that came back.
   */
  unanswered: number;
}

/** Sends `count` requests, `path(0)` to `path(count - 1)`, and ignores the figures: fills the server's caches. */
export async function prime(baseUrl: string, count: number, path: (i: number) => string): Promise<void> {
  let i = 0;
  await autocannon({
    url: baseUrl,
    connections: 10,
    amount: count,
    requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: path(i++) }) }],
  });
}

export const HTTP_DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
export const HTTP_CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,100').split(',').map(Number);

/**
 * autocannon against one server; `path(i)` gives the i-th request's path so ids and viewports rotate.
 * A short untimed run first lets the server's JIT and caches settle.
 */
export async function load(
  baseUrl: string,
  connections: number,
  path: (i: number) => string,
  durationS = HTTP_DURATION_S,
): Promise<LoadResult> {
  let i = 0;
  const requests = [
    {
      setupRequest: (request: autocannon.Request) => ({ ...request, path: path(i++) }),
    },
  ];
  await autocannon({ url: baseUrl, connections, duration: 1, requests });
  const result = await autocannon({ url: baseUrl, connections, duration: durationS, requests });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    answered: result.requests.total,
    unanswered: Math.max(0, result.requests.sent - result.requests.total - result.errors),
  };
}
