import { BENCH_NOW, type Target } from './lib/datasets.ts';
import {
  HTTP_CONNECTIONS,
  type LoadResult,
  load,
  prime,
  type ServerProcess,
  startServer,
} from './lib/http-client.ts';
import { bboxParam, type Viewport } from './lib/viewports.ts';
import type { Workload } from './lib/workload.ts';

export interface HttpLine {
  route: 'hello' | 'place' | 'place cold' | 'viewport z13';
  connections: number;
  result: LoadResult;
}

// Rounds of hello-world and place-by-id, alternated; the best of each is kept. On a shared 2-core machine a
// neighbour's burst can halve one 5-second run, and alternating keeps the two sides of the ratio fair.
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 2);

/**
 * Requests per second and latency with autocannon: a bare Fastify hello-world (the ceiling) against the app,
 * each in its own process on the same database, for a place by rotating id and for rotating zoom-13 viewports.
 */
export async function benchHttp(target: Target, workload: Workload): Promise<HttpLine[]> {
  const servers: ServerProcess[] = [];
  try {
    const hello = await startServer(['hello']);
    servers.push(hello);
    const app = await startServer(['app', target.url, BENCH_NOW.toISOString()]);
    servers.push(app);
    const ids = workload.ids;
    const viewports = workload.viewports.get(13) as Viewport[];
    const placePath = (i: number) => `/api/v1/places/${ids[i % ids.length]}`;
    // One counter across runs, so that no id repeats until every active place has been asked for once.
    let cold = 0;
    const coldPath = () => `/api/v1/places/${workload.allIds[cold++ % workload.allIds.length]}`;
    const clustersPath = (i: number) =>
      `/api/v1/clusters?zoom=13&bbox=${bboxParam((viewports[i % viewports.length] as Viewport).bbox)}`;
    // The first clusters request builds the index; that is the "cluster index build" line, not this one.
    const warm = await fetch(app.url + clustersPath(0));
    if (!warm.ok) throw new Error(`GET /api/v1/clusters answered ${warm.status}: ${await warm.text()}`);

    // The 10k-ids line measures the steady state of the route's response cache: every id is asked for once first.
    await prime(app.url, ids.length, placePath);

    const lines: HttpLine[] = [];
    for (const connections of HTTP_CONNECTIONS) {
      let bestHello: LoadResult | null = null;
      let bestPlace: LoadResult | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        bestHello = best(bestHello, await load(hello.url, connections, () => '/'));
        bestPlace = best(bestPlace, await load(app.url, connections, placePath));
      }
      lines.push({ route: 'hello', connections, result: bestHello as LoadResult });
      lines.push({ route: 'place', connections, result: bestPlace as LoadResult });
    }
    for (const connections of HTTP_CONNECTIONS) {
      lines.push({ route: 'place cold', connections, result: await load(app.url, connections, coldPath) });
    }
    for (const connections of HTTP_CONNECTIONS) {
      lines.push({
        route: 'viewport z13',
        connections,
        result: await load(app.url, connections, clustersPath),
      });
    }
    return lines;
  } finally {
    for (const server of servers) await server.stop();
  }
}

function best(a: LoadResult | null, b: LoadResult): LoadResult {
  return a && a.requestsPerSecond >= b.requestsPerSecond ? a : b;
}
