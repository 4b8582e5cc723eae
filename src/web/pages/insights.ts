import { InputError } from '../../domain/errors.ts';
import { type Locale, pickText } from '../../domain/locales.ts';
import type { AppContext } from '../../usecases/context.ts';
import { type CityInsights, cityInsights, MAX_MONTHS } from '../../usecases/insights.ts';
import { html, type SafeHtml } from '../html.ts';
import { t } from '../i18n/index.ts';
import { localePath } from '../locale.ts';
import { problemText } from './community/form-kit.ts';
import {
  categoriesFigure,
  changesFigure,
  eventsFigure,
  type FigureContext,
  languagesFigure,
  neighbourhoodsFigure,
  newestFigure,
} from './insights-figures.ts';
import { insightsFormat } from './insights-format.ts';
import { type Assets, page } from './layout.ts';

export const INSIGHTS_PATH = 'insights';

export interface InsightsPageData {
  insights: CityInsights;
  /** The period from the address could not be used: why (the default period is shown instead). */
  periodProblem: string | null;
}

/**
 * The figures for a page: a period the use case refuses falls back to the default one and is named on the
 * page, rather than failing it. An unknown city is the caller's 404 (it is in the path).
 */
export async function loadInsightsPage(
  ctx: AppContext,
  locale: Locale,
  city: string | undefined,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<InsightsPageData> {
  const base = { locale, ...(city ? { city } : {}) };
  try {
    const insights = await cityInsights(ctx, {
      ...base,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
    return { insights, periodProblem: null };
  } catch (error) {
    if (!(error instanceof InputError) || (error.field !== 'from' && error.field !== 'to')) throw error;
    return { insights: await cityInsights(ctx, base), periodProblem: problemText(t(locale), error) };
  }
}

function periodQuery(insights: CityInsights): string {
  return `from=${insights.from}&to=${insights.to}`;
}

export function renderInsights(
  assets: Assets,
  ctx: AppContext,
  locale: Locale,
  data: InsightsPageData,
  origin: string,
): SafeHtml {
  const tr = t(locale);
  const m = tr.m.insights;
  const f = insightsFormat(locale);
  const { insights } = data;
  const cityPath = (l: Locale, slug = insights.city.slug) => localePath(l, `${INSIGHTS_PATH}/${slug}`);
  const figures: FigureContext = {
    tr,
    f,
    insights,
    csvHref: (figure) =>
      `/api/v1/insights/${figure}.csv?city=${insights.city.slug}&${periodQuery(insights)}&locale=${locale}`,
  };
  const totals = [
    [insights.totals.activePlaces, m.activePlaces],
    [insights.totals.opened, m.opened],
    [insights.totals.closed, m.closed],
    [insights.totals.eventOccurrences, m.events],
  ] as const;

  const body = html`<main id="main" class="simple-page simple-page--wide insights">
  <h1>${tr.format(m.titleCity, { city: insights.city.name })}</h1>
  <p class="lead">${tr.format(m.intro, { city: insights.city.name, csv: 'CSV' })}</p>
  ${insights.demo ? html`<p class="notice notice--demo insights__demo">${m.demoNote}</p>` : ''}
  ${data.periodProblem ? html`<p class="notice insights__problem" role="status">${tr.format(m.periodIgnored, { problem: data.periodProblem })}</p>` : ''}

  <div class="insights__controls">
    <nav class="insights__cities" aria-labelledby="cities-label">
      <p class="insights__label" id="cities-label">${m.cityNav}</p>
      <ul>${ctx.taxonomy.cities.map(
        (city) =>
          html`<li><a href="${cityPath(locale, city.slug)}?${periodQuery(insights)}"${
            city.slug === insights.city.slug ? html` aria-current="page"` : ''
          }>${pickText(city.names, locale)}</a></li>`,
      )}</ul>
    </nav>
    <form class="insights__period" method="get" action="${cityPath(locale)}">
      <fieldset>
        <legend>${m.periodHeading}</legend>
        <p class="insights__period-hint" id="period-hint">${tr.format(m.monthHint, { count: MAX_MONTHS })}</p>
        <div class="insights__period-fields">
          <label>${m.from} <input type="month" name="from" value="${insights.from}" aria-describedby="period-hint"></label>
          <label>${m.to} <input type="month" name="to" value="${insights.to}" aria-describedby="period-hint"></label>
          <button class="button" type="submit">${m.show}</button>
        </div>
      </fieldset>
    </form>
  </div>

  <section class="insights__summary" aria-labelledby="h-summary">
    <h2 id="h-summary">${m.summaryHeading} <span class="insights__period-line">${tr.format(m.period, {
      from: f.longMonth(insights.from),
      to: f.longMonth(insights.to),
    })}</span></h2>
    <ul class="insights__totals">${totals.map(
      ([n, label]) =>
        html`<li><span class="insights__total">${f.count(n)}</span> <span class="insights__total-label">${label}</span></li>`,
    )}</ul>
  </section>

  ${categoriesFigure(figures)}
  ${neighbourhoodsFigure(figures)}
  ${changesFigure(figures)}
  ${eventsFigure(figures)}
  ${languagesFigure(figures)}
  ${newestFigure(figures)}

  <section class="insight insights__method" aria-labelledby="h-method">
    <h2 id="h-method">${m.methodHeading}</h2>
    <ul>${m.method.map((line) => html`<li>${line}</li>`)}</ul>
  </section>
</main>`;
  return page({
    tr,
    title: `${tr.format(m.titleCity, { city: insights.city.name })} · Kvartal`,
    description: tr.format(m.intro, { city: insights.city.name, csv: 'CSV' }),
    localeHref: (l) => `${cityPath(l)}?${periodQuery(insights)}`,
    origin,
    canonicalPath: cityPath(locale),
    defaultPath: `/${INSIGHTS_PATH}`,
    body,
    pageClass: 'page-simple page-insights',
    demo: insights.demo,
    // No map and nothing interactive: the page needs only the stylesheet.
    assets: { ...assets, script: null },
  });
}
