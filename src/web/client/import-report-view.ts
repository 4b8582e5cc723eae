import type { ImportCounts, ImportReport } from '../../usecases/import-places.ts';
import { type CategoryChoices, categoryChoiceOptions, categoryName } from '../components/category-choices.ts';
import { html, htmlFormat, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';
import type { ImportChoices } from './import-upload.ts';

/** The invalid records listed on the page; the command line's report has every one. */
export const INVALID_SHOWN = 50;
/** The category map's word for "leave this layer out" (`SKIP_CATEGORY` on the server, whose module pulls in the importer). */
const SKIP_CATEGORY = 'skip';
const REPORT_COMMAND = 'npx kvartal import <file> --dry-run --report report.json';

const FORMAT_NAMES: Record<string, string> = {
  kml: 'KML',
  kmz: 'KMZ',
  geojson: 'GeoJSON',
  'overpass-json': 'Overpass JSON',
  'osm-xml': 'OSM XML',
  csv: 'CSV',
};

const COUNTS: Array<keyof ImportCounts> = [
  'new',
  'updated',
  'unchanged',
  'duplicate',
  'invalid',
  'skipped',
  'excluded',
];

export interface ReportView {
  tr: Translator;
  choices: CategoryChoices;
  /** `/{locale}/p/`: a duplicate's place id is appended. */
  placeHref: string;
}

function number(tr: Translator, value: number, digits = 0): string {
  return new Intl.NumberFormat(tr.locale, { maximumFractionDigits: digits }).format(value);
}

/** Places the import writes: new ones, changed ones, and places on the map a duplicate adds details to. */
export function placesWritten(report: ImportReport): number {
  return report.counts.new + report.counts.updated + report.duplicates.filter((d) => d.merged).length;
}

/** Why the import button is off, or null when it is on. */
export function importBlocked(
  tr: Translator,
  report: ImportReport,
  partial: boolean,
  stale: boolean,
): string | null {
  const m = tr.m.adminImport;
  if (stale) return m.stale;
  if (report.counts.invalid > 0 && !partial) {
    return tr.plural(m.blockedInvalid, report.counts.invalid, { count: number(tr, report.counts.invalid) });
  }
  if (placesWritten(report) === 0) return m.blockedNothing;
  return null;
}

export function importLabel(tr: Translator, report: ImportReport): string {
  const count = placesWritten(report);
  return tr.plural(tr.m.adminImport.importButton, count, { count: number(tr, count) });
}

function summary(tr: Translator, report: ImportReport): SafeHtml {
  const m = tr.m.adminImport;
  const records = tr.plural(m.summaryRecords, report.counts.records, {
    count: number(tr, report.counts.records),
  });
  const line = tr.format(m.summary, {
    format: FORMAT_NAMES[report.format] ?? report.format,
    records,
    seconds: number(tr, report.seconds, report.seconds < 10 ? 2 : 0),
  });
  return html`<p class="import-summary">${line}</p>
  <dl class="import-counts" aria-label="${m.countsLabel}">${COUNTS.map((key) => {
    const value = report.counts[key];
    const tone =
      value === 0 ? ' is-zero' : key === 'invalid' ? ' is-problem' : key === 'new' ? ' is-new' : '';
    return html`<div class="import-count import-count--${key}${tone}">
      <dt>${m.counts[key as keyof typeof m.counts]}</dt>
      <dd><span class="import-count__value">${number(tr, value)}</span> <span class="import-count__hint">${
        m.countHints[key as keyof typeof m.countHints]
      }</span></dd>
    </div>`;
  })}</dl>`;
}

/** The category the importer gave most of a layer's records, or '' when it gave none. */
function mainCategory(categories: Record<string, number>): string {
  let best = '';
  let most = 0;
  for (const [slug, count] of Object.entries(categories)) {
    if (count > most) [best, most] = [slug, count];
  }
  return best;
}

function layersTable(view: ReportView, report: ImportReport, choices: ImportChoices): SafeHtml {
  const { tr } = view;
  const m = tr.m.adminImport;
  if (report.layers.length === 0) return html`<p>${m.noLayers}</p>`;
  const rows = report.layers.map((layer, index) => {
    const auto = mainCategory(layer.categories);
    const chosen = choices.categoryMap[layer.name] ?? auto;
    const unmapped = chosen === '';
    const others = Object.entries(layer.categories)
      .filter(([slug]) => slug !== chosen)
      .map(([slug, count]) => `${categoryName(view.choices, slug)} (${number(tr, count)})`);
    const id = `import-layer-${index}`;
    const leading = [
      ...(unmapped ? [{ value: '', label: m.chooseCategory }] : []),
      { value: SKIP_CATEGORY, label: m.skipLayer },
    ];
    return html`<tr role="row" class="import-layers__row${unmapped ? ' is-unmapped' : ''}">
      <th scope="row" role="rowheader" class="import-layers__name">${layer.name}<span class="import-layers__count">${tr.plural(
        m.summaryRecords,
        layer.records,
        { count: number(tr, layer.records) },
      )}</span></th>
      <td role="cell" class="import-layers__records">${number(tr, layer.records)}</td>
      <td role="cell" class="import-layers__category">
        <label class="visually-hidden" for="${id}">${tr.format(m.layerCategory, { layer: layer.name })}</label>
        <select id="${id}" data-layer="${layer.name}"${unmapped ? html` aria-describedby="${id}-note"` : ''}>${categoryChoiceOptions(view.choices, chosen, leading)}</select>
        ${unmapped ? html`<p class="import-layers__note" id="${id}-note">${m.noCategory}</p>` : ''}
        ${others.length && !unmapped ? html`<p class="hint">${tr.format(m.alsoIn, { categories: others.join(', ') })}</p>` : ''}
      </td>
    </tr>`;
  });
  // Explicit roles: on a phone the rows are stacked with CSS, which would otherwise hide the table.
  return html`<table class="import-layers" role="table">
    <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">${m.layer}</th><th scope="col" role="columnheader" class="import-layers__records">${m.layerRecords}</th><th scope="col" role="columnheader">${m.category}</th></tr></thead>
    <tbody role="rowgroup">${rows}</tbody>
  </table>`;
}

function options(view: ReportView, choices: ImportChoices): SafeHtml {
  const m = view.tr.m.adminImport;
  const radio = (value: ImportChoices['duplicates'], label: string) =>
    html`<label class="check"><input type="radio" name="duplicates" value="${value}"${
      choices.duplicates === value ? html` checked` : ''
    }> ${label}</label>`;
  return html`<fieldset class="import-options">
    <legend>${m.optionsHeading}</legend>
    <div class="field">
      <label for="import-default-category">${m.defaultCategory}</label>
      <select id="import-default-category" name="default_category">${categoryChoiceOptions(
        view.choices,
        choices.defaultCategory,
        [{ value: '', label: m.noDefaultCategory }],
      )}</select>
    </div>
    <fieldset class="field field--radios">
      <legend>${m.duplicates}</legend>
      ${radio('merge', m.duplicatesMerge)}
      ${radio('skip', m.duplicatesSkip)}
    </fieldset>
  </fieldset>`;
}

/** The invalid records (the first ones), the likely duplicates and the warnings; server texts are English. */
function problems(view: ReportView, report: ImportReport): SafeHtml {
  const { tr } = view;
  const m = tr.m.adminImport;
  const hidden = report.invalid.length - INVALID_SHOWN;
  const invalid = report.invalid.length
    ? html`<section class="import-section import-invalid" aria-labelledby="h-import-invalid">
    <h3 id="h-import-invalid">${m.invalidHeading}</h3>
    <p>${m.invalidIntro}</p>
    <ul class="import-issues">${report.invalid
      .slice(0, INVALID_SHOWN)
      .map(
        (item) =>
          html`<li><span class="import-issues__where">${item.position}</span> <span class="import-issues__what" lang="en">${item.reason}</span></li>`,
      )}</ul>
    ${
      hidden > 0
        ? html`<p class="hint">${htmlFormat(tr.plural(m.invalidMore, hidden, { count: number(tr, hidden) }), {
            command: html`<code>${REPORT_COMMAND}</code>`,
          })}</p>`
        : ''
    }
  </section>`
    : '';
  const duplicates = report.duplicates.length
    ? html`<details class="import-details">
    <summary>${tr.format(m.duplicatesHeading, { count: number(tr, report.duplicates.length) })}</summary>
    <p>${m.duplicatesIntro}</p>
    <ul class="import-issues">${report.duplicates.map(
      (d) =>
        html`<li><span class="import-issues__where">${d.position}</span> <span class="import-issues__what"><span lang="en">${d.reason}</span>${
          d.placeId === null
            ? ''
            : html` — <a href="${view.placeHref}${d.placeId}">${tr.format(m.placeLink, { id: d.placeId })}</a>, ${d.merged ? m.merged : m.notMerged}`
        }</span></li>`,
    )}</ul>
  </details>`
    : '';
  const warnings = report.warnings.length
    ? html`<details class="import-details">
    <summary>${tr.format(m.warningsHeading, { count: number(tr, report.warnings.length) })}</summary>
    <p>${m.warningsIntro}</p>
    <ul class="import-issues">${report.warnings.map(
      (w) =>
        html`<li><span class="import-issues__where">${w.position}</span> <span class="import-issues__what" lang="en">${w.message}</span></li>`,
    )}</ul>
  </details>`
    : '';
  return html`${invalid}${duplicates}${warnings}`;
}

/** The dry run's report, the mapping step (layers → categories, options) and the import button. */
export function previewView(
  view: ReportView,
  report: ImportReport,
  choices: ImportChoices,
  stale: boolean,
): SafeHtml {
  const { tr } = view;
  const m = tr.m.adminImport;
  const blocked = importBlocked(tr, report, choices.partial, stale);
  return html`<h2 id="import-result-heading" tabindex="-1">${tr.format(m.previewHeading, { file: report.file })}</h2>
  <p class="import-note">${m.previewNote}</p>
  ${summary(tr, report)}
  <form class="import-section import-mapping" id="import-mapping" aria-labelledby="h-import-mapping">
    <h3 id="h-import-mapping">${m.mappingHeading}</h3>
    ${report.layers.length ? html`<p>${m.mappingIntro}</p>` : ''}
    ${layersTable(view, report, choices)}
    ${options(view, choices)}
    <button type="submit" class="button import-mapping__again">${m.previewAgain}</button>
  </form>
  ${problems(view, report)}
  <section class="import-section import-confirm" aria-labelledby="h-import-confirm">
    <h3 id="h-import-confirm">${m.confirmHeading}</h3>
    <label class="check"><input type="checkbox" id="import-partial" aria-describedby="import-partial-hint"${
      choices.partial ? html` checked` : ''
    }> ${m.partial}</label>
    <p class="hint" id="import-partial-hint">${m.partialHint}</p>
    <p class="import-confirm__blocked" id="import-blocked"${blocked ? '' : html` hidden`}>${blocked ?? ''}</p>
    <button type="button" class="button button--primary import-confirm__button" id="import-confirm" aria-describedby="import-blocked"${
      blocked ? html` disabled` : ''
    }>${importLabel(tr, report)}</button>
    <p class="hint">${m.reimportNote}</p>
  </section>`;
}

/** The real import's report, with the way to the map. */
export function doneView(view: ReportView, report: ImportReport, mapHref: string): SafeHtml {
  const { tr } = view;
  const m = tr.m.adminImport;
  return html`<h2 id="import-result-heading" tabindex="-1">${tr.format(m.doneHeading, { file: report.file })}</h2>
  <p class="import-note${report.written ? ' is-done' : ' is-problem'}">${report.written ? m.doneWritten : m.doneNothing}</p>
  ${summary(tr, report)}
  ${problems(view, report)}
  <p class="import-actions">
    <a class="button button--primary" href="${mapHref}">${m.openMap}</a>
    <button type="button" class="button" id="import-another">${m.another}</button>
  </p>`;
}
