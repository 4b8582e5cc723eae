import { BENCH_NOW, type Target } from './lib/datasets.ts';
import { HTTP_CONNECTIONS, type LoadResult, load, startServer } from './lib/http-client.ts';
import { bboxParam, type Viewport } from './lib/viewports.ts';
import type { Workload } from './lib/workload.ts';

export interface HttpLine {
  route: 'hello' | 'place' | 'viewport z13';
  connections: number;
  result: LoadResult;
}

/**
 * Requests per second and p99 with autocannon: the hello-world ceiling first, then the app (in its own
 * process, on the same database) for a place by rotating id and for rotating zoom-13 viewports.
 */
export async function benchHttp(target: Target, workload: Workload): Promise<HttpLine[]> {
  const lines: HttpLine[] = [];
  const hello = await startServer(['hello']);
  try {
    for (const connections of HTTP_CONNECTIONS) {
      lines.push({ route: 'hello', connections, result: await load(hello.url, connections, () => '/') });
    }
  } finally {
    await hello.stop();
  }

  const app = await startServer(['app', target.url, BENCH_NOW.toISOString()]);
  try {
    const ids = workload.ids;
    const viewports = workload.viewports.get(13) as Viewport[];
    const clustersPath = (i: number) =>
      `/api/v1/clusters?zoom=13&bbox=${bboxParam((viewports[i % viewports.length] as Viewport).bbox)}`;
    // The first clusters request builds the index; that is the "cluster index build" line, not this one.
    const warm = await fetch(app.url + clustersPath(0));
    if (!warm.ok) throw new Error(`GET /api/v1/clusters answered ${warm.status}: ${await warm.text()}`);
    for (const connections of HTTP_CONNECTIONS) {
      const result = await load(app.url, connections, (i) => `/api/v1/places/${ids[i % ids.length]}`);
      lines.push({ route: 'place', connections, result });
    }
    for (const connections of HTTP_CONNECTIONS) {
      lines.push({
        route: 'viewport z13',
        connections,
        result: await load(app.url, connections, clustersPath),
      });
    }
  } finally {
    await app.stop();
  }
  return lines;
}
