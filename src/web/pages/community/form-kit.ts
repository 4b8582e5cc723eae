import type { Actor } from '../../../domain/accounts/user.ts';
import type { InputError } from '../../../domain/errors.ts';
import type { Locale } from '../../../domain/locales.ts';
import { html, type SafeHtml } from '../../html.ts';
import { type Translator, t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import { type Assets, page } from '../layout.ts';

/** Why a field was refused, in the reader's language when the problem has a name; else the API's English. */
export function problemText(tr: Translator, error: InputError): string {
  return error.code ? tr.format(tr.m.problems[error.code], error.vars) : error.message;
}

/** A refused form: which field and why, shown above the form and next to the field. */
export interface FormProblem {
  field: string;
  message: string;
}

/**
 * The longitude beside a latitude that carries a problem about the pair (`lon/lat`): marked invalid too, and
 * described by the same message, which is shown once under the latitude.
 */
export function pairedWithLatitude(problem: FormProblem | null | undefined): SafeHtml {
  return problem?.field === 'lon/lat' ? html` aria-invalid="true" aria-describedby="f-lat-error"` : html``;
}

/**
 * The problem as the form field `name` sees it: the use case names its own field (`names.ru`, `lon/lat`,
 * `place_id`), which a form may show under another name (`name`, `lat`, `venue`).
 */
export function inForm(
  problem: FormProblem | null | undefined,
  field: RegExp | string,
  name: string,
): FormProblem | null {
  return problem ? { ...problem, field: problem.field.replace(field, name) } : null;
}

export interface CommunityPageOptions {
  assets: Assets;
  locale: Locale;
  origin: string;
  /** The page's path without the locale, for the locale switcher. */
  path: string;
  title: string;
  body: SafeHtml;
  actor: Actor;
}

/** Every account, contribution and moderation page: the site's frame, never indexed, no map script. */
export function communityPage(options: CommunityPageOptions): SafeHtml {
  const tr = t(options.locale);
  return page({
    tr,
    title: `${options.title} · Kvartal`,
    localeHref: (l) => localePath(l, options.path),
    origin: options.origin,
    body: html`<main id="main" class="simple-page community-page">
  ${accountBar(tr, options.actor)}
  ${options.body}
</main>`,
    pageClass: 'page-simple page-community',
    head: html`<meta name="robots" content="noindex">`,
    assets: options.assets,
  });
}

function accountBar(tr: Translator, actor: Actor): SafeHtml {
  const c = tr.m.community;
  const links: SafeHtml[] = [];
  if (actor.kind === 'user') {
    links.push(
      html`<a href="${localePath(tr.locale, 'account')}">${actor.user.displayName ?? actor.user.email ?? c.account}</a>`,
    );
    if (actor.user.role === 'moderator' || actor.user.role === 'admin')
      links.push(html`<a href="${localePath(tr.locale, 'moderation')}">${c.moderation}</a>`);
    if (actor.user.role === 'admin')
      links.push(html`<a href="${localePath(tr.locale, 'admin/audit')}">${c.auditLog}</a>`);
  } else {
    links.push(html`<a href="${localePath(tr.locale, 'account/sign-in')}">${c.signIn}</a>`);
  }
  return html`<nav class="account-bar" aria-label="${c.account}"><ul>${links.map((l) => html`<li>${l}</li>`)}</ul></nav>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function problemSummary(tr: Translator, problem: FormProblem | null | undefined): SafeHtml {
  if (!problem) return html``;
  return html`<div class="notice notice--warning form-problem" role="alert" tabindex="-1" id="form-problem">
  <p><strong>${tr.m.community.problem}</strong> ${problem.message}</p>
</div>`;
}

export function doneNotice(text: string | null | undefined): SafeHtml {
  if (!text) return html``;
  return html`<div class="notice notice--done" role="status"><p>${text}</p></div>`;
}

export interface InputOptions {
  name: string;
  label: string;
  value?: string | null | undefined;
  type?: string;
  required?: boolean;
  hint?: string | undefined;
  autocomplete?: string;
  problem?: FormProblem | null | undefined;
  /** Other attributes, already safe (min/max/step, inputmode). */
  extra?: SafeHtml;
}

/** A labelled input with its hint and, when the form was refused for this field, the reason. */
export function inputField(o: InputOptions): SafeHtml {
  const id = `f-${o.name.replace(/[^a-z0-9]+/gi, '-')}`;
  const invalid = o.problem && (o.problem.field === o.name || o.problem.field.startsWith(`${o.name}.`));
  const described = [o.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
  <label for="${id}">${o.label}</label>
  <input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.required ? html` required` : ''}${
    o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''
  }${described ? html` aria-describedby="${described}"` : ''}${invalid ? html` aria-invalid="true"` : ''}${o.extra ?? ''}>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${invalid ? html`<p class="field-error" id="${id}-error">${o.problem?.message}</p>` : ''}
</div>`;
}

export function textAreaField(o: InputOptions & { rows?: number }): SafeHtml {
  const id = `f-${o.name.replace(/[^a-z0-9]+/gi, '-')}`;
  const invalid = o.problem && (o.problem.field === o.name || o.problem.field.startsWith(`${o.name}.`));
  return html`<div class="field">
  <label for="${id}">${o.label}</label>
  <textarea id="${id}" name="${o.name}" rows="${o.rows ?? 4}"${o.required ? html` required` : ''}${
    o.hint || invalid
      ? html` aria-describedby="${[o.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ')}"`
      : ''
  }${invalid ? html` aria-invalid="true"` : ''}>${o.value ?? ''}</textarea>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${invalid ? html`<p class="field-error" id="${id}-error">${o.problem?.message}</p>` : ''}
</div>`;
}
