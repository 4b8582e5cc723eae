import type { Month } from '../../domain/insights/months.ts';
import type { CityInsights, ShareRow } from '../../usecases/insights.ts';
import { type Bar, barChart } from '../components/charts/bar-chart.ts';
import { type MonthColumn, monthColumns } from '../components/charts/month-columns.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import type { InsightsFormat } from './insights-format.ts';

/** What every figure's section needs: the words, the formats and the figure's CSV address. */
export interface FigureContext {
  tr: Translator;
  f: InsightsFormat;
  insights: CityInsights;
  csvHref(figure: string): string;
}

type Cell = string | SafeHtml;

/** A data table: a caption, column headers, and each row's first cell as its header. Numbers align right. */
function dataTable(
  id: string,
  caption: string,
  head: string[],
  rows: Cell[][],
  numeric: boolean[],
  className = '',
): SafeHtml {
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
  return html`<div class="table-scroll insight__table" role="region" tabindex="0" aria-labelledby="${id}-caption">
<table class="data-table${className ? ` ${className}` : ''}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr>${head.map((h, i) => html`<th scope="col"${raw(cls(i))}>${h}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td${raw(cls(i))}>${cell}</td>`))}</tr>`,
  )}</tbody>
</table>
</div>`;
}

function section(
  c: FigureContext,
  id: string,
  heading: string,
  body: SafeHtml,
  options: { csv?: string; stacked?: boolean; note?: string } = {},
): SafeHtml {
  return html`<section class="insight" aria-labelledby="h-${id}">
<h2 id="h-${id}">${heading}</h2>
${options.note ? html`<p class="insight__note">${options.note}</p>` : ''}
<div class="insight__body${options.stacked ? ' insight__body--stacked' : ''}">${body}</div>
${options.csv ? html`<p class="insight__download"><a href="${c.csvHref(options.csv)}" download>${c.tr.format(c.tr.m.insights.downloadCsv, { csv: 'CSV' })}</a></p>` : ''}
</section>`;
}

function empty(c: FigureContext): SafeHtml {
  return html`<p class="insight__empty">${c.tr.m.insights.empty}</p>`;
}

function shareFigure(
  c: FigureContext,
  id: string,
  texts: { heading: string; caption: string; chartDesc: string },
  column: string,
  rows: { label: string; count: number; share: number }[],
  csv: string,
  note?: string,
): SafeHtml {
  const options = { csv, ...(note ? { note } : {}) };
  if (rows.length === 0) return section(c, id, texts.heading, empty(c), options);
  const valueText = (r: { count: number; share: number }) => `${c.f.count(r.count)} · ${c.f.share(r.share)}`;
  const bars: Bar[] = rows.map((r) => ({ label: r.label, value: r.count, valueText: valueText(r) }));
  const top = rows
    .slice(0, 3)
    .map((r) => `${r.label} ${valueText(r)}`)
    .join('; ');
  const cols = c.tr.m.insights.columns;
  return section(
    c,
    id,
    texts.heading,
    html`<div class="insight__chart">${barChart({ id: `chart-${id}`, title: texts.caption, desc: c.tr.format(texts.chartDesc, { top }) }, bars)}</div>
${dataTable(
  id,
  texts.caption,
  [column, cols.places, cols.share],
  rows.map((r) => [r.label, c.f.count(r.count), c.f.share(r.share)]),
  [false, true, true],
)}`,
    options,
  );
}

function named(c: FigureContext, rows: ShareRow[]) {
  return rows.map((r) => ({
    label: r.name ?? c.tr.m.insights.noNeighbourhood,
    count: r.count,
    share: r.share,
  }));
}

export function categoriesFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  return shareFigure(
    c,
    'categories',
    m.categories,
    m.columns.category,
    named(c, c.insights.byCategory),
    'categories',
  );
}

export function neighbourhoodsFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  return shareFigure(
    c,
    'neighbourhoods',
    m.neighbourhoods,
    m.columns.neighbourhood,
    named(c, c.insights.byNeighbourhood),
    'neighbourhoods',
  );
}

export function languagesFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  const rows = c.insights.languages.map((l) => ({
    label: c.tr.languageName(l.code),
    count: l.count,
    share: l.share,
  }));
  return shareFigure(c, 'languages', m.languages, m.columns.language, rows, 'languages', m.languages.note);
}

/** Month ticks: the short name, and the year under the first month and every January. */
function monthTick(c: FigureContext, month: Month, index: number): Pick<MonthColumn, 'label' | 'year'> {
  const year = index === 0 || month.endsWith('-01') ? c.f.year(month) : undefined;
  return { label: c.f.shortMonth(month), ...(year ? { year } : {}) };
}

export function changesFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  const { insights } = c;
  const columns = insights.openedClosedPerMonth.map((row, i) => ({
    ...monthTick(c, row.month, i),
    up: row.opened,
    down: row.closed,
  }));
  const desc = c.tr.format(m.changes.chartDesc, {
    opened: c.f.count(insights.totals.opened),
    closed: c.f.count(insights.totals.closed),
  });
  const legend = html`<ul class="chart-legend">
<li><span class="chart-legend__key chart-legend__key--up" aria-hidden="true"></span>${m.changes.legendOpened}</li>
<li><span class="chart-legend__key chart-legend__key--down" aria-hidden="true"></span>${m.changes.legendClosed}</li>
</ul>`;
  return section(
    c,
    'changes',
    m.changes.heading,
    html`<div class="insight__chart">${legend}${monthColumns({ id: 'chart-changes', title: m.changes.caption, desc }, columns, { scale: 110 })}</div>
${dataTable(
  'changes',
  m.changes.caption,
  [m.columns.month, m.columns.opened, m.columns.closed],
  insights.openedClosedPerMonth.map((r) => [
    c.f.longMonth(r.month),
    c.f.count(r.opened),
    c.f.count(r.closed),
  ]),
  [false, true, true],
  'data-table--months',
)}`,
    { csv: 'opened-closed' },
  );
}

/** Small multiples, one column chart per event type on a shared scale, then the month × type table. */
export function eventsFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  const { insights } = c;
  const rows = insights.eventsPerMonthByType;
  if (rows.length === 0) return section(c, 'events', m.eventsByType.heading, empty(c), { csv: 'events' });
  const types = [...new Map(rows.map((r) => [r.type, r.typeName])).entries()].sort(
    ([a], [b]) => total(rows, b) - total(rows, a) || a.localeCompare(b),
  );
  const countOf = (month: Month, type: string) =>
    rows.find((r) => r.month === month && r.type === type)?.count ?? 0;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const charts = types.map(
    ([type, name]) => html`<div class="small-multiple">
<h3 class="small-multiple__title">${name}</h3>
${monthColumns(
  {
    id: `chart-events-${type}`,
    title: c.tr.format(m.eventsByType.chartTitle, { type: name }),
    desc: c.tr.format(m.eventsByType.chartDesc, { count: c.f.count(total(rows, type)) }),
  },
  insights.months.map((month, i) => ({ ...monthTick(c, month, i), up: countOf(month, type) })),
  { scale: 56, max },
)}
</div>`,
  );
  const table = dataTable(
    'events',
    m.eventsByType.caption,
    [m.columns.month, ...types.map(([, name]) => name), m.eventsByType.total],
    insights.months.map((month) => [
      c.f.longMonth(month),
      ...types.map(([type]) => c.f.count(countOf(month, type))),
      c.f.count(rows.filter((r) => r.month === month).reduce((n, r) => n + r.count, 0)),
    ]),
    [false, ...types.map(() => true), true],
    'data-table--months',
  );
  return section(
    c,
    'events',
    m.eventsByType.heading,
    html`<div class="small-multiples">${charts}</div>${table}`,
    { csv: 'events', stacked: true },
  );
}

function total(rows: CityInsights['eventsPerMonthByType'], type: string): number {
  return rows.filter((r) => r.type === type).reduce((n, r) => n + r.count, 0);
}

export function newestFigure(c: FigureContext): SafeHtml {
  const m = c.tr.m.insights;
  const places = c.insights.newestPlaces;
  if (places.length === 0) return section(c, 'newest', m.newest.heading, empty(c), { csv: 'newest' });
  return section(
    c,
    'newest',
    m.newest.heading,
    dataTable(
      'newest',
      m.newest.caption,
      [m.columns.place, m.columns.category, m.columns.added],
      places.map((p) => [
        html`<a href="${localePath(c.tr.locale, p.path)}">${p.name}</a>`,
        p.categoryName,
        c.f.date(p.created),
      ]),
      [false, false, false],
    ),
    { csv: 'newest', stacked: true },
  );
}
