import type { CityEvent, Occurrence } from '../../../domain/events/event.ts';
import { type Locale, pickText } from '../../../domain/locales.ts';
import type { Place } from '../../../domain/places/place.ts';
import { placePath } from '../../../usecases/present-place.ts';
import { richText, richTextToPlain } from '../../components/rich-text.ts';
import { html, jsonScript, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import type { WebDeps } from '../home.ts';
import { page } from '../layout.ts';
import { badges, dateFormat, typeName } from './event-items.ts';

/** schema.org Event, so search engines and calendars understand the page (one per next occurrence). */
function eventJsonLd(
  event: CityEvent,
  next: Occurrence | undefined,
  venue: Place | null,
  locale: Locale,
  url: string,
) {
  const name = pickText(event.titles, locale, event.originalLocale);
  const description = richTextToPlain(pickText(event.descriptions, locale, event.originalLocale));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name,
    url,
    ...(description ? { description } : {}),
    ...(next ? { startDate: next.start.toISOString(), endDate: next.end.toISOString() } : {}),
    eventStatus: `https://schema.org/${event.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(event.languages.length ? { inLanguage: event.languages } : {}),
    isAccessibleForFree: event.free,
    ...(event.minAge !== null ? { typicalAgeRange: `${event.minAge}-` } : {}),
    ...(event.organiserUrl ? { organizer: { '@type': 'Organization', url: event.organiserUrl } } : {}),
    ...(event.address || venue || event.lat !== null
      ? {
          location: {
            '@type': 'Place',
            ...(venue ? { name: pickText(venue.names, locale, venue.originalLocale) } : {}),
            ...(event.address ? { address: event.address } : {}),
            ...(event.lat !== null && event.lon !== null
              ? { geo: { '@type': 'GeoCoordinates', latitude: event.lat, longitude: event.lon } }
              : {}),
          },
        }
      : {}),
  };
}

export function renderEventPage(
  deps: WebDeps,
  locale: Locale,
  origin: string,
  event: CityEvent,
  next: Occurrence[],
  venue: Place | null,
): SafeHtml {
  const tr = t(locale);
  const e = tr.m.events;
  const title = pickText(event.titles, locale, event.originalLocale);
  const description = pickText(event.descriptions, locale, event.originalLocale);
  const when = (o: Occurrence) =>
    event.allDay
      ? dateFormat(locale, event.timeZone, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }).format(o.start)
      : dateFormat(locale, event.timeZone, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(o.start);
  const path = localePath(locale, `events/${event.id}`);
  const body = html`<main id="main" class="simple-page event-page">
  <p class="back"><a href="${localePath(locale, 'events')}"><span aria-hidden="true">←</span> ${e.backToEvents}</a></p>
  <article>
    <p class="event-page__type"><span class="badge">${typeName(event.type, locale)}</span></p>
    <h1>${title}</h1>
    ${event.status === 'cancelled' ? html`<div class="notice notice--warning" role="status"><p><strong>${e.cancelled}</strong></p></div>` : ''}
    ${badges(tr, event)}
    <section aria-labelledby="h-when"><h2 id="h-when">${next.length > 1 ? e.nextDates : e.when}</h2>
      ${next.length ? html`<ul class="event-dates">${next.map((o) => html`<li><time datetime="${o.start.toISOString()}">${when(o)}</time></li>`)}</ul>` : html`<p>${event.start.replace('T', ' ')}</p>`}
    </section>
    <section aria-labelledby="h-where"><h2 id="h-where">${e.venue}</h2>
      <p>${venue ? html`<a href="${localePath(locale, placePath(venue).slice(1))}">${pickText(venue.names, locale, venue.originalLocale)}</a><br>` : ''}${event.address ?? (venue ? '' : e.online)}</p>
    </section>
    ${description ? html`<div class="event-page__description">${richText(description)}</div>` : ''}
    ${event.organiserUrl ? html`<p><a href="${event.organiserUrl}" rel="nofollow ugc noopener">${e.organiser}</a></p>` : ''}
    <p class="event-page__actions"><a href="${localePath(locale, `events/${event.id}/edit`)}">${e.suggestEventChange}</a></p>
  </article>
</main>
<script type="application/ld+json">${jsonScript(eventJsonLd(event, next[0], venue, locale, `${origin}${path}`))}</script>`;
  return page({
    tr,
    title: `${title} · Kvartal`,
    description: richTextToPlain(description).slice(0, 200) || typeName(event.type, locale),
    localeHref: (l) => localePath(l, `events/${event.id}`),
    origin,
    canonicalPath: path,
    body,
    pageClass: 'page-simple page-event',
    assets: { ...deps.assets, script: null },
  });
}
