import { EVENT_TYPES } from '../../../domain/events/event-types.ts';
import { pickText } from '../../../domain/locales.ts';
import type { PageContext } from '../../community/route-kit.ts';
import { html, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import {
  communityPage,
  csrfField,
  type FormProblem,
  inputField,
  problemSummary,
  textAreaField,
} from '../community/form-kit.ts';

export type EventFormValues = Record<string, string | string[] | undefined>;

const one = (values: EventFormValues, key: string) => {
  const value = values[key];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

/** Anyone can send an event; trusted people's go live, everyone else's wait for a moderator. No JavaScript needed. */
export function renderEventForm(
  c: PageContext & { problem?: FormProblem | null; antiSpam: SafeHtml },
  values: EventFormValues = {},
): SafeHtml {
  const tr = t(c.locale);
  const e = tr.m.events;
  const m = tr.m.community;
  const langs = ([] as string[]).concat(values.languages ?? []);
  const check = (name: string, label: string) =>
    html`<label class="check"><input type="checkbox" name="${name}"${one(values, name) === 'on' ? html` checked` : ''}> ${label}</label>`;
  return communityPage({
    ...c,
    path: 'events/new',
    title: e.newEvent,
    body: html`<h1>${e.newEvent}</h1>
<p class="lead">${e.newEventIntro} ${c.actor.kind === 'user' && c.actor.user.role !== 'contributor' ? m.goesLiveDirectly : m.goesToModeration}</p>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, 'events/new')}" data-proof-of-work>
  ${csrfField(c.csrf)}
  ${c.antiSpam}
  ${inputField({ name: 'title', label: e.eventTitle, required: true, value: one(values, 'title'), problem: c.problem ? { ...c.problem, field: c.problem.field.replace(/^titles.*/, 'title') } : null, extra: html` maxlength="200"` })}
  <div class="field"><label for="f-type">${e.eventType}</label>
    <select id="f-type" name="type" required>${EVENT_TYPES.map((type) => html`<option value="${type.slug}"${one(values, 'type') === type.slug ? html` selected` : ''}>${pickText(type.names, c.locale)}</option>`)}</select></div>
  <div class="form-row">
  ${inputField({ name: 'start', label: e.starts, type: 'datetime-local', required: true, value: one(values, 'start'), problem: c.problem })}
  ${inputField({ name: 'end', label: e.ends, type: 'datetime-local', value: one(values, 'end'), problem: c.problem })}
  </div>
  <div class="field"><label for="f-repeats">${e.repeats}</label>
    <select id="f-repeats" name="repeats">${[
      ['', e.repeatNone],
      ['weekly', e.repeatWeekly],
      ['monthly', e.repeatMonthly],
    ].map(
      ([value, label]) =>
        html`<option value="${value}"${one(values, 'repeats') === value ? html` selected` : ''}>${label}</option>`,
    )}</select></div>
  <div class="field"><label for="f-city">${e.city}</label>
    <select id="f-city" name="city">${c.taxonomy.cities.map((city) => html`<option value="${city.slug}"${one(values, 'city') === city.slug ? html` selected` : ''}>${pickText(city.names, c.locale)}</option>`)}</select></div>
  ${inputField({ name: 'address', label: e.address, value: one(values, 'address'), hint: e.venueHint, problem: c.problem })}
  ${textAreaField({ name: 'description', label: e.descriptionLabel, value: one(values, 'description'), problem: c.problem })}
  <fieldset class="field field--checks"><legend>${e.languages}</legend>${['ru', 'sr', 'uk', 'en'].map(
    (code) =>
      html`<label class="check"><input type="checkbox" name="languages" value="${code}"${langs.includes(code) ? html` checked` : ''}> ${tr.languageName(code)}</label>`,
  )}</fieldset>
  ${check('locals_welcome', e.localsWelcome)}
  ${check('bilingual', e.bilingual)}
  ${inputField({ name: 'price', label: e.priceLabel, value: one(values, 'price'), problem: c.problem })}
  ${inputField({ name: 'min_age', label: e.minAgeLabel, type: 'number', value: one(values, 'min_age'), problem: c.problem, extra: html` min="0" max="21" inputmode="numeric"` })}
  ${inputField({ name: 'organiser_url', label: e.organiserLabel, type: 'url', value: one(values, 'organiser_url'), problem: c.problem })}
  <button class="button button--primary" type="submit">${e.sendEvent}</button>
</form>`,
  });
}
