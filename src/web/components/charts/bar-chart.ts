import { html, type SafeHtml } from '../../html.ts';
import { type ChartText, chartFrame, pct } from './chart-frame.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader sees it, e.g. "12 · 34 %". */
  valueText: string;
}

const ROW = 38;
const LABEL_Y = 15;
const BAR_Y = 21;
const BAR_HEIGHT = 11;

/**
 * Horizontal bars, one row each: the label on the left and the value on the right above a bar on a pale
 * track. Labels and values are text, so nothing depends on telling colours apart.
 */
export function barChart(text: ChartText, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((bar, i) => {
    const top = i * ROW;
    return html`<g class="chart__row">
<text class="chart__label" x="0" y="${top + LABEL_Y}">${bar.label}</text>
<text class="chart__value" x="100%" y="${top + LABEL_Y}" text-anchor="end">${bar.valueText}</text>
<rect class="chart__track" x="0" y="${top + BAR_Y}" width="100%" height="${BAR_HEIGHT}" rx="3"/>
${bar.value > 0 ? html`<rect class="chart__bar" x="0" y="${top + BAR_Y}" width="${pct(Math.max(0.6, (bar.value / max) * 100))}" height="${BAR_HEIGHT}" rx="3"/>` : ''}
</g>`;
  });
  return chartFrame(text, Math.max(ROW, bars.length * ROW), html`${rows}`, 'chart--bars');
}
