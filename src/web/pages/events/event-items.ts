import type { CityEvent, Occurrence } from '../../../domain/events/event.ts';
import { EVENT_TYPES } from '../../../domain/events/event-types.ts';
import { type Locale, pickText } from '../../../domain/locales.ts';
import type { Taxonomy } from '../../../usecases/taxonomy.ts';
import { html, type SafeHtml } from '../../html.ts';
import type { Translator } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';

export interface ShownOccurrence {
  occurrence: Occurrence;
  event: CityEvent;
}

const formats = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(
  locale: Locale,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formats.set(key, format);
  }
  return format;
}

export function typeName(slug: string, locale: Locale): string {
  return pickText(EVENT_TYPES.find((t) => t.slug === slug)?.names ?? {}, locale) || slug;
}

export function eventPath(event: CityEvent): string {
  return `events/${event.id}`;
}

/** One occurrence in a list: time, title, type, where, languages and the badges people choose by. */
export function occurrenceItem(
  tr: Translator,
  taxonomy: Taxonomy,
  item: ShownOccurrence,
  showDate: boolean,
): SafeHtml {
  const { event, occurrence } = item;
  const e = tr.m.events;
  const time = event.allDay
    ? e.allDay
    : dateFormat(tr.locale, event.timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        occurrence.start,
      );
  const day = showDate
    ? dateFormat(tr.locale, event.timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(
        occurrence.start,
      )
    : '';
  const city = taxonomy.city(event.city);
  // Addresses usually end with the city already; the city alone stands in when there is no address.
  const where = event.address ?? (city ? pickText(city.names, tr.locale) : null);
  const cancelled = event.status === 'cancelled';
  return html`<li class="event-item${cancelled ? ' event-item--cancelled' : ''}">
  <p class="event-item__when"><time datetime="${occurrence.start.toISOString()}">${day ? html`${day}, ` : ''}${time}</time></p>
  <div class="event-item__body">
    <h3 class="event-item__title"><a href="${localePath(tr.locale, eventPath(event))}">${pickText(event.titles, tr.locale, event.originalLocale)}</a>${cancelled ? html` <strong class="badge badge--cancelled">${e.cancelled}</strong>` : ''}</h3>
    <p class="event-item__meta"><span class="badge">${typeName(event.type, tr.locale)}</span> ${where || e.online}</p>
    ${badges(tr, event)}
  </div>
</li>`;
}

export function badges(tr: Translator, event: CityEvent): SafeHtml {
  const e = tr.m.events;
  const items: SafeHtml[] = [];
  if (event.localsWelcome) items.push(html`<li class="badge badge--welcome">${e.localsWelcome}</li>`);
  if (event.bilingual) items.push(html`<li class="badge">${e.bilingual}</li>`);
  if (event.free) items.push(html`<li class="badge">${e.free}</li>`);
  else if (event.price) items.push(html`<li class="badge">${event.price}</li>`);
  if (event.minAge !== null)
    items.push(html`<li class="badge">${tr.format(e.ageFrom, { age: event.minAge })}</li>`);
  for (const code of event.languages)
    items.push(html`<li class="badge badge--language" lang="${code}">${tr.languageName(code)}</li>`);
  return items.length ? html`<ul class="event-badges" aria-label="${e.heldIn}">${items}</ul>` : html``;
}

export interface EventFilterValues {
  type?: string;
  city?: string;
  lang?: string[];
  localsWelcome?: boolean;
  free?: boolean;
}

/** The filters as a plain GET form: works without JavaScript, and its query is also the iCal feed's. */
export function eventFilterForm(
  tr: Translator,
  taxonomy: Taxonomy,
  action: string,
  values: EventFilterValues,
  extra: SafeHtml = html``,
): SafeHtml {
  const e = tr.m.events;
  return html`<form class="event-filters" method="get" action="${action}" aria-label="${e.filters}">
  ${extra}
  <div class="field"><label for="ev-type">${e.type}</label><select id="ev-type" name="type"><option value="">${e.anyType}</option>${EVENT_TYPES.map(
    (t) =>
      html`<option value="${t.slug}"${values.type === t.slug ? html` selected` : ''}>${pickText(t.names, tr.locale)}</option>`,
  )}</select></div>
  <div class="field"><label for="ev-city">${e.city}</label><select id="ev-city" name="city"><option value="">${e.anyCity}</option>${taxonomy.cities.map(
    (c) =>
      html`<option value="${c.slug}"${values.city === c.slug ? html` selected` : ''}>${pickText(c.names, tr.locale)}</option>`,
  )}</select></div>
  <fieldset class="field field--checks"><legend>${e.languages}</legend>${['ru', 'sr', 'uk', 'en'].map(
    (code) =>
      html`<label class="check"><input type="checkbox" name="lang" value="${code}"${values.lang?.includes(code) ? html` checked` : ''}> ${tr.languageName(code)}</label>`,
  )}</fieldset>
  <div class="event-filters__flags">
  <label class="check"><input type="checkbox" name="locals_welcome" value="true"${values.localsWelcome ? html` checked` : ''}> ${e.localsWelcome}</label>
  <label class="check"><input type="checkbox" name="free" value="true"${values.free ? html` checked` : ''}> ${e.free}</label>
  </div>
  <button class="button button--primary" type="submit">${e.apply}</button>
</form>`;
}

/** The same filters as a query string (for the iCal link and the list/calendar switch). */
export function filterQuery(values: EventFilterValues): string {
  const params = new URLSearchParams();
  if (values.type) params.set('type', values.type);
  if (values.city) params.set('city', values.city);
  if (values.lang?.length) params.set('lang', values.lang.join(','));
  if (values.localsWelcome) params.set('locals_welcome', 'true');
  if (values.free) params.set('free', 'true');
  return params.toString();
}
