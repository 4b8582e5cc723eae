import { zonedInstant } from '../../../domain/events/occurrences.ts';
import { wallClock } from '../../../domain/hours.ts';
import { type Locale, pickText } from '../../../domain/locales.ts';
import { html, jsonScript, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import type { WebDeps } from '../home.ts';
import { noScriptStyles, page } from '../layout.ts';
import {
  dateFormat,
  type EventFilterValues,
  eventFilterForm,
  eventPath,
  filterQuery,
  occurrenceItem,
  type ShownOccurrence,
} from './event-items.ts';

const DAY = 86_400_000;

/** Midnight at the start of the local day `days` after today's, in the zone. */
function localMidnight(now: Date, timeZone: string, days: number): Date {
  const c = wallClock(now, timeZone);
  return zonedInstant(new Date(Date.UTC(c.year, c.month - 1, c.day + days)), timeZone);
}

/** Today, the coming weekend and the rest of the next 30 days: each occurrence in the first that holds it. */
export function upcomingSections(now: Date, timeZone: string, items: ShownOccurrence[]) {
  const weekday = wallClock(now, timeZone).weekday; // 0 = Sunday
  const tomorrow = localMidnight(now, timeZone, 1);
  const toSaturday = weekday === 0 ? 0 : weekday === 6 ? 1 : 6 - weekday;
  const weekendStart = weekday === 6 || weekday === 0 ? tomorrow : localMidnight(now, timeZone, toSaturday);
  const weekendEnd = localMidnight(now, timeZone, weekday === 0 ? 1 : 8 - weekday);
  const horizon = new Date(now.getTime() + 30 * DAY);
  const today = items.filter((i) => i.occurrence.start < tomorrow);
  const weekend = items.filter(
    (i) =>
      i.occurrence.start >= weekendStart && i.occurrence.start < weekendEnd && i.occurrence.start >= tomorrow,
  );
  const shown = new Set([...today, ...weekend]);
  const later = items.filter((i) => !shown.has(i) && i.occurrence.start < horizon);
  return { today, weekend, later };
}

export function renderEventList(
  deps: WebDeps,
  locale: Locale,
  origin: string,
  items: ShownOccurrence[],
  filters: EventFilterValues,
): SafeHtml {
  const tr = t(locale);
  const e = tr.m.events;
  const timeZone = deps.ctx.taxonomy.cities[0]?.timeZone ?? 'Europe/Belgrade';
  const { today, weekend, later } = upcomingSections(deps.ctx.now(), timeZone, items);
  const query = filterQuery(filters);
  // One marker per event with a venue, at its next occurrence; the list below says the same in words.
  const seen = new Set<number>();
  const points = items.flatMap(({ event, occurrence }) => {
    if (event.lon === null || event.lat === null || seen.has(event.id)) return [];
    seen.add(event.id);
    const when = dateFormat(locale, event.timeZone, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(occurrence.start);
    return [
      {
        lon: event.lon,
        lat: event.lat,
        label: `${pickText(event.titles, locale, event.originalLocale)}, ${when}`,
        href: localePath(locale, eventPath(event)),
      },
    ];
  });
  const section = (id: string, title: string, list: ShownOccurrence[], showDate: boolean) =>
    list.length
      ? html`<section class="event-section" aria-labelledby="${id}"><h2 id="${id}">${title}</h2><ul class="event-list">${list.map((i) => occurrenceItem(tr, deps.ctx.taxonomy, i, showDate))}</ul></section>`
      : html``;
  const body = html`<main id="main" class="simple-page events-page">
  <h1>${e.title}</h1>
  <p class="lead">${e.intro}</p>
  ${eventFilterForm(tr, deps.ctx.taxonomy, localePath(locale, 'events'), filters)}
  <p class="event-links"><a href="${localePath(locale, 'events/new')}">${e.newEvent}</a> · <a href="${localePath(locale, 'events/calendar')}${query ? `?${query}` : ''}">${e.calendarView}</a> · <a href="/api/v1/events.ics?${query ? `${query}&` : ''}locale=${locale}">${tr.format(e.subscribe, {})}</a></p>
  ${today.length + weekend.length + later.length === 0 ? html`<p class="empty">${e.nothing}</p>` : ''}
  ${
    points.length
      ? html`<div id="events-map" class="events-map" role="region" aria-label="${e.mapLabel}"${deps.mapStyleUrl ? html` data-style-url="${deps.mapStyleUrl}"` : ''}></div>
  <script type="application/json" id="events-map-data">${jsonScript(points)}</script>`
      : ''
  }
  ${section('ev-today', e.today, today, false)}
  ${section('ev-weekend', e.weekend, weekend, true)}
  ${section('ev-later', e.next30, later, true)}
</main>`;
  return page({
    tr,
    title: `${e.title} · Kvartal`,
    description: e.intro,
    localeHref: (l) => `${localePath(l, 'events')}${query ? `?${query}` : ''}`,
    origin,
    canonicalPath: localePath(locale, 'events'),
    head: html`${noScriptStyles}<link rel="alternate" type="text/calendar" href="/api/v1/events.ics?locale=${locale}" title="${tr.format(e.subscribe, {})}">`,
    body,
    pageClass: 'page-simple page-events',
    assets: deps.assets,
  });
}
