import type { Actor } from '../../../domain/accounts/user.ts';
import { REPORT_KINDS } from '../../../domain/contributions/contribution.ts';
import { type Locale, pickText } from '../../../domain/locales.ts';
import type { Place } from '../../../domain/places/place.ts';
import type { LikelyDuplicate } from '../../../usecases/contributions/likely-duplicates.ts';
import type { PlaceInput } from '../../../usecases/prepare-place.ts';
import { placePath } from '../../../usecases/present-place.ts';
import type { Taxonomy } from '../../../usecases/taxonomy.ts';
import { categoryChoiceOptions, categoryChoices } from '../../components/category-choices.ts';
import { html, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import type { Assets } from '../layout.ts';
import {
  communityPage,
  csrfField,
  type FormProblem,
  inForm,
  inputField,
  pairedWithLatitude,
  problemSummary,
  textAreaField,
} from './form-kit.ts';

/** The languages a place form offers as checkboxes: the community's and the city's. */
export const FORM_LANGUAGES = ['ru', 'sr', 'uk', 'en'] as const;

export interface PlaceFormContext {
  assets: Assets;
  locale: Locale;
  origin: string;
  actor: Actor;
  csrf: string;
  taxonomy: Taxonomy;
  problem?: FormProblem | null;
  /** Extra hidden fields and inputs (the anti-spam check). */
  antiSpam: SafeHtml;
}

/**
 * The form to suggest a new place (`place` null) or an edit of one. It works without JavaScript; what a
 * person may change is exactly what the edit use case accepts.
 */
export function renderPlaceForm(
  c: PlaceFormContext,
  place: Place | null,
  input: PlaceInput,
  extra: {
    email?: string;
    comment?: string;
    duplicates?: LikelyDuplicate[];
    action?: string;
    canSetStatus?: boolean;
  } = {},
): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  const p = tr.m.place;
  const action =
    extra.action ?? (place ? localePath(c.locale, `p/${place.id}/edit`) : localePath(c.locale, 'suggest'));
  const name =
    input.names?.[c.locale] ?? (place ? pickText(place.names, c.locale, place.originalLocale) : '');
  const direct =
    c.actor.kind === 'user' &&
    (c.actor.user.role !== 'contributor' || (place !== null && c.actor.ownedPlaceIds.includes(place.id)));
  const title = place ? tr.format(m.editTitle, { name }) : m.suggestTitle;
  const contacts = input.contacts ?? {};
  const duplicates = extra.duplicates ?? [];
  return communityPage({
    ...c,
    path: place ? `p/${place.id}/edit` : 'suggest',
    title,
    body: html`<h1>${title}</h1>
<p class="lead">${direct ? m.goesLiveDirectly : m.goesToModeration}</p>
${problemSummary(tr, c.problem)}
${duplicates.length ? html`<div class="notice notice--warning" role="alert"><div><p><strong>${m.duplicatesFound}</strong></p><ul>${duplicates.map((d) => html`<li><a href="${localePath(c.locale, placePath(d.place).slice(1))}">${pickText(d.place.names, c.locale, d.place.originalLocale)}</a> — ${m.duplicateReasons[d.reason]}, ${tr.format(m.metresAway, { count: d.distanceM })}</li>`)}</ul><p>${m.duplicatesHint}</p></div></div>` : ''}
<form class="community-form" method="post" action="${action}" data-proof-of-work>
  ${csrfField(c.csrf)}
  ${duplicates.length ? html`<input type="hidden" name="not_duplicate" value="1">` : ''}
  ${c.antiSpam}
  <fieldset><legend>${m.aboutPlace}</legend>
  ${inputField({ name: 'name', label: m.name, required: true, value: name, problem: inForm(c.problem, /^names\b.*/, 'name'), extra: html` maxlength="200"` })}
  <div class="field"><label for="f-category">${m.category}</label>
    <select id="f-category" name="category" required>${categoryChoiceOptions(categoryChoices(c.taxonomy, c.locale), input.category ?? '', [{ value: '', label: m.chooseCategory }])}</select></div>
  ${textAreaField({ name: 'description', label: m.description, value: input.descriptions?.[c.locale] ?? '', hint: m.descriptionHint, problem: inForm(c.problem, /^descriptions\b.*/, 'description') })}
  </fieldset>
  <fieldset><legend>${m.where}</legend>
  ${inputField({ name: 'address', label: p.address, value: input.address ?? '', autocomplete: 'street-address', problem: c.problem })}
  <div class="form-row">
  ${inputField({ name: 'lat', label: m.latitude, value: input.lat === undefined ? '' : String(input.lat), required: true, problem: inForm(c.problem, 'lon/lat', 'lat'), extra: html` inputmode="decimal"` })}
  ${inputField({ name: 'lon', label: m.longitude, value: input.lon === undefined ? '' : String(input.lon), required: true, extra: html` inputmode="decimal"${pairedWithLatitude(c.problem)}` })}
  </div>
  <p class="hint">${m.coordinatesHint}</p>
  <label class="check"><input type="checkbox" name="home_based"${input.home_based ? html` checked` : ''}> ${m.homeBased}</label>
  <p class="hint">${m.homeBasedHint}</p>
  </fieldset>
  <fieldset><legend>${m.contactsAndHours}</legend>
  ${inputField({ name: 'hours', label: m.hours, value: input.hours ?? '', hint: tr.format(m.hoursHint, {}), problem: c.problem })}
  ${inputField({ name: 'contacts.phone', label: p.phone, type: 'tel', value: contacts.phone ?? '', problem: c.problem })}
  ${inputField({ name: 'contacts.website', label: p.website, type: 'url', value: contacts.website ?? '', problem: c.problem })}
  ${inputField({ name: 'contacts.telegram', label: p.telegram, value: contacts.telegram ?? '', problem: c.problem })}
  ${inputField({ name: 'contacts.instagram', label: p.instagram, value: contacts.instagram ?? '', problem: c.problem })}
  <fieldset class="field field--checks"><legend>${m.languagesSpoken}</legend>
    ${FORM_LANGUAGES.map((code) => html`<label class="check"><input type="checkbox" name="languages" value="${code}"${input.languages?.includes(code) ? html` checked` : ''}> ${tr.languageName(code)}</label>`)}
  </fieldset>
  <label class="check"><input type="checkbox" name="locals_welcome" aria-describedby="f-locals-welcome-hint"${input.locals_welcome ? html` checked` : ''}> ${m.localsWelcome}</label>
  <p class="hint" id="f-locals-welcome-hint">${m.localsWelcomeHint}</p>
  ${inputField({ name: 'opened', label: m.opened, value: input.opened ?? '', hint: m.openedHint, problem: c.problem, extra: html` maxlength="10"` })}
  </fieldset>
  <fieldset><legend>${m.aboutYou}</legend>
  ${c.actor.kind === 'visitor' ? inputField({ name: 'email', label: m.yourEmail, type: 'email', value: extra.email ?? '', hint: m.yourEmailHint, autocomplete: 'email', problem: c.problem }) : ''}
  ${textAreaField({ name: 'comment', label: m.comment, value: extra.comment ?? '', hint: m.commentHint, rows: 2, problem: c.problem })}
  </fieldset>
  <button class="button button--primary" type="submit">${m.send}</button>
</form>
${place && extra.canSetStatus ? statusForm(c, place) : ''}`,
  });
}

/** Owners and moderators close or reopen a place without a suggestion: the change is recorded as a version. */
function statusForm(c: PlaceFormContext, place: Place): SafeHtml {
  const m = t(c.locale).m.community;
  const next = place.status === 'closed' ? 'active' : 'closed';
  return html`<section aria-labelledby="h-status"><h2 id="h-status">${m.statusHeading}</h2>
<form class="inline-form" method="post" action="${localePath(c.locale, `p/${place.id}/status`)}">${csrfField(c.csrf)}
<input type="hidden" name="status" value="${next}">
<button class="button" type="submit">${next === 'closed' ? m.markClosed : m.reopen}</button></form></section>`;
}

export function renderReportForm(
  c: PlaceFormContext,
  place: Place,
  values: { kind?: string; message?: string; email?: string } = {},
): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  const name = pickText(place.names, c.locale, place.originalLocale);
  const title = tr.format(m.reportTitle, { name });
  return communityPage({
    ...c,
    path: `p/${place.id}/report`,
    title,
    body: html`<h1>${title}</h1>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, `p/${place.id}/report`)}" data-proof-of-work>
  ${csrfField(c.csrf)}
  ${c.antiSpam}
  <fieldset class="field field--radios"><legend>${m.reportWhat}</legend>
  ${REPORT_KINDS.map((kind) => html`<label class="check"><input type="radio" name="kind" value="${kind}" required${values.kind === kind ? html` checked` : ''}> ${m.reportKinds[kind]}</label>`)}
  </fieldset>
  ${textAreaField({ name: 'message', label: m.reportMessage, value: values.message ?? '', problem: c.problem })}
  ${c.actor.kind === 'visitor' ? inputField({ name: 'email', label: m.yourEmail, type: 'email', value: values.email ?? '', hint: m.yourEmailHint, problem: c.problem }) : ''}
  <button class="button button--primary" type="submit">${m.sendReport}</button>
</form>`,
  });
}

export function renderClaimForm(c: PlaceFormContext, place: Place): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  const name = pickText(place.names, c.locale, place.originalLocale);
  const title = tr.format(m.claimTitle, { name });
  return communityPage({
    ...c,
    path: `p/${place.id}/claim`,
    title,
    body: html`<h1>${title}</h1>
<p class="lead">${m.claimIntro}</p>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, `p/${place.id}/claim`)}">
  ${csrfField(c.csrf)}
  ${textAreaField({ name: 'evidence', label: m.claimEvidence, hint: m.claimEvidenceHint, required: true, problem: c.problem })}
  <button class="button button--primary" type="submit">${m.sendClaim}</button>
</form>`,
  });
}

/** After a form went through: what happens next, and the way back. */
export function renderThanks(
  c: Omit<PlaceFormContext, 'taxonomy' | 'antiSpam' | 'csrf'>,
  text: string,
  back: { href: string; label: string },
): SafeHtml {
  const m = t(c.locale).m.community;
  return communityPage({
    ...c,
    path: '',
    title: m.thanks,
    body: html`<h1>${m.thanks}</h1><p class="lead" role="status">${text}</p><p><a class="button button--primary" href="${back.href}">${back.label}</a></p>`,
  });
}
