import { html, type SafeHtml } from '../../html.ts';

/** What every chart says about itself to people who cannot see it: a title and a description. */
export interface ChartText {
  /** Unique on the page: the title's and description's ids derive from it. */
  id: string;
  title: string;
  desc: string;
}

/**
 * An SVG chart as one image for assistive technology (role="img", named by its <title> and <desc>); the
 * data table next to it carries the figures. Widths are percentages so the chart fills its column on any
 * screen while text keeps its size; only the height is fixed.
 */
export function chartFrame(text: ChartText, height: number, content: SafeHtml, className: string): SafeHtml {
  return html`<svg class="chart ${className}" width="100%" height="${height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" focusable="false" xmlns="http://www.w3.org/2000/svg">
<title id="${text.id}-title">${text.title}</title>
<desc id="${text.id}-desc">${text.desc}</desc>
${content}
</svg>`;
}

/** A percentage of the chart's width for an SVG attribute, rounded so the markup stays short. */
export function pct(value: number): string {
  return `${Math.round(value * 1000) / 1000}%`;
}
