import type { HttpLine } from './http.ts';
import type { ImportLine } from './import.ts';
import type { Target } from './lib/datasets.ts';
import type { Summary } from './lib/stats.ts';
import { count, ms, ratio, type Table, verdict } from './lib/table.ts';
import type { SuperclusterReference } from './supercluster.ts';
import type { ViewportResult } from './viewport.ts';

/** The targets from issue #2, in one place so the tables and docs/benchmarks.md say the same. */
export const TARGETS = {
  viewportP99Ms: 10,
  viewportVsSupercluster: 3,
  placeVsHello: 0.6,
  importPlacesPerSecond: 20_000,
} as const;

const ROUTES: Record<HttpLine['route'], string> = {
  hello: 'hello-world',
  place: 'GET /api/v1/places/{id}, 10k ids',
  'place cold': 'GET /api/v1/places/{id}, every id new',
  'viewport z13': 'GET /api/v1/clusters z13',
};

/** Collects every measured line into the tables that run.ts prints and saves. */
export class Report {
  private readonly notes: string[] = [];
  private readonly misses: string[] = [];
  private readonly load: string[] = [];
  private readonly buildMs = new Map<Target, number>();
  private readonly tables = {
    datasets: table('Data sets', [
      'Backend',
      'Places',
      'Load',
      'Places/s',
      'DB size',
      'Cluster index build',
      'supercluster load',
    ]),
    viewport: table('Viewport: viewportClusters, in process (ms)', [
      'Backend',
      'Places',
      'Zoom',
      'Features',
      'p50',
      'p99',
      'supercluster p50',
      'supercluster p99',
      'p99 / supercluster',
      'Target',
    ]),
    list: table('Filtered list: listPlaces category + city + open_now, 50 a page, in process (ms)', [
      'Backend',
      'Places',
      'Rows',
      'p50',
      'p99',
    ]),
    place: table('Place by id: getPlace + presentPlace, in process (ms)', [
      'Backend',
      'Places',
      'p50',
      'p99',
    ]),
    imports: table('Import: importPlaces of generated places, one transaction per file, fresh database', [
      'Backend',
      'Format',
      'Places',
      'File',
      'Duplicates found',
      'Time',
      'Places/s',
      'Target',
    ]),
    http: table('HTTP: autocannon against a server process', [
      'Backend',
      'Places',
      'Route',
      'Connections',
      'req/s',
      'p50 ms',
      'p99 ms',
      'vs hello-world',
      'Target',
    ]),
  };

  constructor(readonly machine: string[]) {}

  /** How busy other processes kept the machine as a section started: context for its p99s. */
  busy(target: Target, section: string, share: number | null): void {
    if (share === null) return;
    this.load.push(`${target.backend} ${count(target.size)} ${section}: ${Math.round(share * 100)}%`);
  }

  skip(line: string): void {
    this.notes.push(line);
  }

  dataset(target: Target, reference: SuperclusterReference | null): void {
    const { load } = target;
    const build = this.buildMs.get(target);
    this.tables.datasets.rows.push([
      target.backend,
      count(target.size),
      load.generated ? `${(load.ms / 1000).toFixed(1)} s` : 'cached',
      load.generated ? count((load.places / load.ms) * 1000) : '–',
      `${count(load.sizeBytes / 2 ** 20)} MB`,
      build === undefined ? '–' : `${ms(build)} ms`,
      reference ? `${ms(reference.loadMs)} ms` : '–',
    ]);
  }

  viewport(target: Target, reference: SuperclusterReference, result: ViewportResult): void {
    this.buildMs.set(target, result.buildMs);
    for (const [zoom, ours] of result.byZoom) {
      const theirs = reference.byZoom.get(zoom) as Summary;
      const vsReference = ours.p99 / theirs.p99;
      const fast = ours.p99 <= TARGETS.viewportP99Ms;
      const close = vsReference <= TARGETS.viewportVsSupercluster;
      const target_ = `p99 ≤ ${TARGETS.viewportP99Ms} ms and ≤ ${TARGETS.viewportVsSupercluster}× supercluster`;
      const cell =
        fast && close
          ? verdict(true, target_)
          : `MISS (${[fast ? '' : `p99 > ${TARGETS.viewportP99Ms} ms`, close ? '' : `> ${TARGETS.viewportVsSupercluster}× supercluster`].filter(Boolean).join(', ')})`;
      if (!(fast && close))
        this.misses.push(`viewport ${target.backend} ${count(target.size)} z${zoom}: ${cell}`);
      this.tables.viewport.rows.push([
        target.backend,
        count(target.size),
        String(zoom),
        count(ours.features),
        ms(ours.p50),
        ms(ours.p99),
        ms(theirs.p50),
        ms(theirs.p99),
        ratio(vsReference),
        cell,
      ]);
    }
  }

  imports(lines: ImportLine[]): void {
    for (const line of lines) {
      const pass = line.placesPerSecond >= TARGETS.importPlacesPerSecond;
      const target = `≥ ${count(TARGETS.importPlacesPerSecond)}/s`;
      if (!pass)
        this.misses.push(
          `import ${line.backend} ${line.format} ${count(line.places)}: ${count(line.placesPerSecond)}/s`,
        );
      this.tables.imports.rows.push([
        line.backend,
        line.format,
        count(line.places),
        `${line.megabytes.toFixed(1)} MB`,
        count(line.duplicates),
        `${line.seconds.toFixed(1)} s`,
        count(line.placesPerSecond),
        pass ? verdict(true, target) : `MISS (target ${target})`,
      ]);
    }
  }

  list(target: Target, result: Summary & { rows: number }): void {
    this.tables.list.rows.push([
      target.backend,
      count(target.size),
      result.rows.toFixed(1),
      ms(result.p50),
      ms(result.p99),
    ]);
  }

  place(target: Target, result: Summary): void {
    this.tables.place.rows.push([target.backend, count(target.size), ms(result.p50), ms(result.p99)]);
  }

  http(target: Target, lines: HttpLine[]): void {
    for (const line of lines) {
      const hello = lines.find((l) => l.route === 'hello' && l.connections === line.connections);
      const vsHello = hello ? line.result.requestsPerSecond / hello.result.requestsPerSecond : Number.NaN;
      let cell = '';
      if (line.route === 'place' || line.route === 'place cold') {
        const target_ = `≥ ${TARGETS.placeVsHello}× hello-world`;
        cell = verdict(vsHello >= TARGETS.placeVsHello, target_);
        if (vsHello < TARGETS.placeVsHello) {
          this.misses.push(
            `${ROUTES[line.route]} ${target.backend} ${count(target.size)} c${line.connections}: ${cell}, ${ratio(vsHello)}`,
          );
        }
      }
      if (line.result.failures > 0) cell = `INVALID: ${line.result.failures} failed requests`;
      this.tables.http.rows.push([
        target.backend,
        count(target.size),
        ROUTES[line.route],
        String(line.connections),
        count(line.result.requestsPerSecond),
        String(line.result.p50),
        String(line.result.p99),
        line.route === 'hello' ? '1.00×' : ratio(vsHello),
        cell,
      ]);
    }
  }

  render(render: (t: Table) => string): string {
    const parts = ['## Kvartal benchmarks', '', ...this.machine.map((m) => `- ${m}`), ''];
    for (const note of this.notes) parts.push(`> ${note}`, '');
    for (const t of Object.values(this.tables)) if (t.rows.length > 0) parts.push(render(t));
    parts.push('### Targets missed', '');
    parts.push(...(this.misses.length ? this.misses.map((m) => `- ${m}`) : ['- none']), '');
    if (this.load.length) {
      parts.push('### CPU used by other processes as each section started', '');
      parts.push(`${this.load.join('; ')}.`, '');
    }
    return parts.join('\n');
  }
}

function table(title: string, columns: string[]): Table {
  return { title, columns, rows: [] };
}
