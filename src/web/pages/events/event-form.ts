import type { CityEvent } from '../../../domain/events/event.ts';
import { EVENT_TYPES } from '../../../domain/events/event-types.ts';
import { type Locale, type LocalizedText, pickText } from '../../../domain/locales.ts';
import { publishesDirectly } from '../../../usecases/events/events.ts';
import type { PageContext } from '../../community/route-kit.ts';
import { html, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import {
  communityPage,
  csrfField,
  type FormProblem,
  inForm,
  inputField,
  pairedWithLatitude,
  problemSummary,
  textAreaField,
} from '../community/form-kit.ts';

export type EventFormValues = Record<string, string | string[] | undefined>;

/** The repeat rules the form can say; any other rule is kept as it is (the `keep` choice). */
export const REPEATS: Record<string, string> = { weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY' };
export const KEEP_RULE = 'keep';

const one = (values: EventFormValues, key: string) => {
  const value = values[key];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** An event as the edit form's values in one locale: its texts in that locale, the rest as the form says it. */
export function eventFormValues(event: CityEvent, locale: Locale): EventFormValues {
  const repeats = Object.entries(REPEATS).find(([, rule]) => rule === event.rrule)?.[0];
  const flag = (on: boolean) => (on ? 'on' : undefined);
  return {
    // Only this language's texts: another language's shown here would be saved as this one's.
    title: event.titles[locale] ?? '',
    description: event.descriptions[locale] ?? '',
    type: event.type,
    start: event.start,
    end: event.end ?? '',
    repeats: event.rrule === null ? '' : (repeats ?? KEEP_RULE),
    city: event.city,
    venue: event.placeId ? `/p/${event.placeId}` : '',
    address: event.placeId ? '' : (event.address ?? ''),
    lat: event.placeId || event.lat === null ? '' : String(event.lat),
    lon: event.placeId || event.lon === null ? '' : String(event.lon),
    languages: [...event.languages],
    locals_welcome: flag(event.localsWelcome),
    bilingual: flag(event.bilingual),
    price: event.price ?? '',
    min_age: event.minAge === null ? '' : String(event.minAge),
    organiser_url: event.organiserUrl ?? '',
    cancelled: flag(event.status === 'cancelled'),
  };
}

/**
 * Anyone can send an event or a change to one; trusted people's go live, everyone else's wait for a
 * moderator. With `event` the form edits it: its texts in the page's locale, its repeat rule kept when the
 * form cannot say it, a "cancelled" switch and a note for the moderator. No JavaScript needed.
 */
export function renderEventForm(
  c: PageContext & { problem?: FormProblem | null; antiSpam: SafeHtml },
  values: EventFormValues = {},
  event: CityEvent | null = null,
): SafeHtml {
  const tr = t(c.locale);
  const e = tr.m.events;
  const m = tr.m.community;
  const langs = ([] as string[]).concat(values.languages ?? []);
  const check = (name: string, label: string) =>
    html`<label class="check"><input type="checkbox" name="${name}"${one(values, name) === 'on' ? html` checked` : ''}> ${label}</label>`;
  const direct = publishesDirectly(c.actor);
  const path = event ? `events/${event.id}/edit` : 'events/new';
  const heading = event ? (direct ? e.editEvent : e.suggestEventChange) : e.newEvent;
  const timeType = event?.allDay ? 'date' : 'datetime-local';
  // An event edited in a language it has no text in: the text it has, so the person can translate it.
  const otherLanguage = (texts: LocalizedText | undefined) => {
    if (!event || !texts || texts[c.locale] || Object.keys(texts).length === 0) return undefined;
    return tr.format(e.otherLanguageText, {
      text: pickText(texts, c.locale, event.originalLocale).slice(0, 300),
    });
  };
  const position = inForm(c.problem, 'lon/lat', 'lat');
  return communityPage({
    ...c,
    path,
    title: heading,
    body: html`<h1>${heading}</h1>
<p class="lead">${event ? html`<strong>${pickText(event.titles, c.locale, event.originalLocale)}</strong><br>` : html`${e.newEventIntro} `}${direct ? m.goesLiveDirectly : m.goesToModeration}</p>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, path)}" data-proof-of-work>
  ${csrfField(c.csrf)}
  ${c.antiSpam}
  ${inputField({ name: 'title', label: e.eventTitle, required: !event, value: one(values, 'title'), hint: otherLanguage(event?.titles), problem: inForm(c.problem, /^titles\b.*/, 'title'), extra: html` maxlength="200"` })}
  <div class="field"><label for="f-type">${e.eventType}</label>
    <select id="f-type" name="type" required>${EVENT_TYPES.map((type) => html`<option value="${type.slug}"${one(values, 'type') === type.slug ? html` selected` : ''}>${pickText(type.names, c.locale)}</option>`)}</select></div>
  <div class="form-row">
  ${inputField({ name: 'start', label: e.starts, type: timeType, required: true, value: one(values, 'start'), problem: c.problem })}
  ${inputField({ name: 'end', label: e.ends, type: timeType, value: one(values, 'end'), problem: c.problem })}
  </div>
  <div class="field"><label for="f-repeats">${e.repeats}</label>
    <select id="f-repeats" name="repeats">${[
      ['', e.repeatNone],
      ['weekly', e.repeatWeekly],
      ['monthly', e.repeatMonthly],
      ...(event?.rrule && one(values, 'repeats') === KEEP_RULE
        ? [[KEEP_RULE, tr.format(e.repeatKeep, { rule: event.rrule })]]
        : []),
    ].map(
      ([value, label]) =>
        html`<option value="${value}"${one(values, 'repeats') === value ? html` selected` : ''}>${label}</option>`,
    )}</select></div>
  <div class="field"><label for="f-city">${e.city}</label>
    <select id="f-city" name="city">${c.taxonomy.cities.map((city) => html`<option value="${city.slug}"${one(values, 'city') === city.slug ? html` selected` : ''}>${pickText(city.names, c.locale)}</option>`)}</select></div>
  <fieldset><legend>${e.venue}</legend>
  ${inputField({ name: 'venue', label: e.venuePlace, value: one(values, 'venue'), hint: e.venuePlaceHint, problem: inForm(c.problem, 'place_id', 'venue') })}
  ${inputField({ name: 'address', label: e.address, value: one(values, 'address'), hint: e.venueHint, problem: c.problem })}
  <div class="form-row">
  ${inputField({ name: 'lat', label: m.latitude, value: one(values, 'lat'), problem: position, extra: html` inputmode="decimal"` })}
  ${inputField({ name: 'lon', label: m.longitude, value: one(values, 'lon'), extra: html` inputmode="decimal"${pairedWithLatitude(c.problem)}` })}
  </div>
  <p class="hint">${m.coordinatesHint}</p>
  </fieldset>
  ${textAreaField({ name: 'description', label: e.descriptionLabel, value: one(values, 'description'), hint: otherLanguage(event?.descriptions), problem: inForm(c.problem, /^descriptions\b.*/, 'description') })}
  <fieldset class="field field--checks"><legend>${e.languages}</legend>${['ru', 'sr', 'uk', 'en'].map(
    (code) =>
      html`<label class="check"><input type="checkbox" name="languages" value="${code}"${langs.includes(code) ? html` checked` : ''}> ${tr.languageName(code)}</label>`,
  )}</fieldset>
  ${check('locals_welcome', e.localsWelcome)}
  ${check('bilingual', e.bilingual)}
  ${inputField({ name: 'price', label: e.priceLabel, value: one(values, 'price'), problem: c.problem })}
  ${inputField({ name: 'min_age', label: e.minAgeLabel, type: 'number', value: one(values, 'min_age'), problem: c.problem, extra: html` min="0" max="21" inputmode="numeric"` })}
  ${inputField({ name: 'organiser_url', label: e.organiserLabel, type: 'url', value: one(values, 'organiser_url'), problem: c.problem })}
  ${
    event
      ? html`${check('cancelled', e.isCancelled)}
  ${textAreaField({ name: 'comment', label: m.comment, value: one(values, 'comment'), hint: m.commentHint, rows: 2, problem: c.problem })}`
      : ''
  }
  <button class="button button--primary" type="submit">${event ? e.sendChange : e.sendEvent}</button>
</form>`,
  });
}
