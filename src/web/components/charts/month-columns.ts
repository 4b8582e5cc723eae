import { html, type SafeHtml } from '../../html.ts';
import { type ChartText, chartFrame, pct } from './chart-frame.ts';

export interface MonthColumn {
  /** The month's short name ("Jan"). */
  label: string;
  /** Set on the first column and on every January: the year under the month. */
  year?: string;
  up: number;
  /** Drawn below the baseline (e.g. closures); absent for a one-series chart. */
  down?: number;
}

export interface MonthChartOptions {
  /** Pixels for the largest value; both directions share the scale so their sizes compare. */
  scale: number;
  /** The same largest value for several charts (small multiples), so their columns compare too. */
  max?: number;
}

const VALUE_ROOM = 16;
const LABEL_ROOM = 34;
const COLUMN_FILL = 0.7;

/**
 * Columns per month, optionally diverging: one series above the baseline, the other below, so the two
 * differ by position as well as colour. Every non-zero column has its value written on it. Where months
 * are many, every other month name hides on narrow screens (the table lists them all).
 */
export function monthColumns(
  text: ChartText,
  columns: readonly MonthColumn[],
  options: MonthChartOptions,
): SafeHtml {
  const count = Math.max(1, columns.length);
  const diverging = columns.some((c) => c.down !== undefined);
  const max = options.max ?? Math.max(1, ...columns.map((c) => Math.max(c.up, c.down ?? 0)));
  const unit = options.scale / Math.max(1, max);
  // Charts sharing a scale also share their height, so that their baselines line up side by side.
  const upHeight =
    options.max !== undefined ? options.scale : Math.max(...columns.map((c) => c.up), 0) * unit;
  const downHeight = diverging ? Math.max(...columns.map((c) => c.down ?? 0), 0) * unit : 0;
  const baseline = VALUE_ROOM + Math.max(upHeight, diverging ? 8 : options.scale * 0.25);
  const labelsTop = baseline + downHeight + (diverging ? VALUE_ROOM : 0);
  const step = count > 12 ? 2 : 1;

  const parts = columns.map((column, i) => {
    const x = ((i + (1 - COLUMN_FILL) / 2) / count) * 100;
    const width = (COLUMN_FILL / count) * 100;
    const centre = pct(((i + 0.5) / count) * 100);
    const up = column.up * unit;
    const down = (column.down ?? 0) * unit;
    const tickClass =
      i % step !== 0
        ? 'chart__tick chart__tick--minor'
        : i % (step * 2) !== 0
          ? 'chart__tick chart__tick--narrow-hidden'
          : 'chart__tick';
    return html`<g>
${column.up > 0 ? html`<rect class="chart__bar" x="${pct(x)}" y="${baseline - up}" width="${pct(width)}" height="${up}"/><text class="chart__value" x="${centre}" y="${baseline - up - 4}" text-anchor="middle">${column.up}</text>` : ''}
${down > 0 ? html`<rect class="chart__bar chart__bar--down" x="${pct(x)}" y="${baseline}" width="${pct(width)}" height="${down}"/><text class="chart__value" x="${centre}" y="${baseline + down + 12}" text-anchor="middle">${column.down}</text>` : ''}
<text class="${tickClass}" x="${centre}" y="${labelsTop + 13}" text-anchor="middle">${column.label}</text>
${column.year ? html`<text class="chart__year" x="${centre}" y="${labelsTop + 28}" text-anchor="middle">${column.year}</text>` : ''}
</g>`;
  });
  const axis = html`<line class="chart__axis" x1="0" x2="100%" y1="${baseline}" y2="${baseline}"/>`;
  return chartFrame(text, labelsTop + LABEL_ROOM, html`${axis}${parts}`, 'chart--months');
}
