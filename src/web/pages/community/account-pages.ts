import type { Actor, User } from '../../../domain/accounts/user.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/user.ts';
import type { Locale } from '../../../domain/locales.ts';
import { html, type SafeHtml } from '../../html.ts';
import { t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import type { Assets } from '../layout.ts';
import {
  communityPage,
  csrfField,
  doneNotice,
  type FormProblem,
  inputField,
  problemSummary,
} from './form-kit.ts';

export interface AccountPageContext {
  assets: Assets;
  locale: Locale;
  origin: string;
  actor: Actor;
  csrf: string;
  problem?: FormProblem | null;
  done?: string | null;
  /** What the person typed, sent back with a refused form (never the password). */
  values?: Record<string, string>;
  /** The anti-spam fields of anonymous forms (sign-up). */
  antiSpam?: SafeHtml;
}

export function renderSignIn(c: AccountPageContext, telegram: boolean): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'account/sign-in',
    title: m.signIn,
    body: html`<h1>${m.signIn}</h1>
${doneNotice(c.done)}
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, 'account/sign-in')}">
  ${csrfField(c.csrf)}
  ${inputField({ name: 'email', label: m.email, type: 'email', required: true, autocomplete: 'email', value: c.values?.email ?? null, problem: c.problem })}
  ${inputField({ name: 'password', label: m.password, type: 'password', required: true, autocomplete: 'current-password', problem: c.problem })}
  <button class="button button--primary" type="submit">${m.signIn}</button>
</form>
<p><a href="${localePath(c.locale, 'account/reset')}">${m.forgotPassword}</a></p>
<p>${m.noAccount} <a href="${localePath(c.locale, 'account/sign-up')}">${m.signUp}</a></p>
${telegram ? html`<p><a class="button" href="${localePath(c.locale, 'account/telegram')}">${m.telegramSignIn}</a></p>` : ''}`,
  });
}

export function renderSignUp(c: AccountPageContext): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'account/sign-up',
    title: m.signUp,
    body: html`<h1>${m.signUp}</h1>
<p class="lead">${m.signUpIntro}</p>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, 'account/sign-up')}" data-proof-of-work>
  ${csrfField(c.csrf)}
  ${c.antiSpam ?? ''}
  ${inputField({ name: 'email', label: m.email, type: 'email', required: true, autocomplete: 'email', value: c.values?.email ?? null, problem: c.problem })}
  ${inputField({ name: 'password', label: m.password, type: 'password', required: true, autocomplete: 'new-password', hint: tr.format(m.passwordHint, { count: MIN_PASSWORD_LENGTH }), problem: c.problem, extra: html` minlength="${MIN_PASSWORD_LENGTH}"` })}
  ${inputField({ name: 'display_name', label: m.displayName, hint: m.displayNameHint, autocomplete: 'nickname', value: c.values?.display_name ?? null, problem: c.problem })}
  <button class="button button--primary" type="submit">${m.signUp}</button>
</form>`,
  });
}

/** After sign-up or a reset request: the same words whether or not the address has an account. */
export function renderCheckMail(c: AccountPageContext): SafeHtml {
  const m = t(c.locale).m.community;
  return communityPage({
    ...c,
    path: 'account/sign-in',
    title: m.checkMailTitle,
    body: html`<h1>${m.checkMailTitle}</h1><p class="lead">${m.checkMail}</p>`,
  });
}

export function renderResetRequest(c: AccountPageContext): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'account/reset',
    title: m.resetTitle,
    body: html`<h1>${m.resetTitle}</h1>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, 'account/reset')}">
  ${csrfField(c.csrf)}
  ${inputField({ name: 'email', label: m.email, type: 'email', required: true, autocomplete: 'email', problem: c.problem })}
  <button class="button button--primary" type="submit">${m.sendLink}</button>
</form>`,
  });
}

/**
 * A one-time link's page. Following the link only shows a button: mail scanners that open links must not
 * use the link up before its owner does.
 */
export function renderLinkPage(
  c: AccountPageContext,
  kind: 'verify' | 'login' | 'new-password',
  token: string,
): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  const title = { verify: m.verifyTitle, login: m.signIn, 'new-password': m.newPasswordTitle }[kind];
  return communityPage({
    ...c,
    path: `account/${kind}`,
    title,
    body: html`<h1>${title}</h1>
${problemSummary(tr, c.problem)}
<form class="community-form" method="post" action="${localePath(c.locale, `account/${kind}`)}">
  ${csrfField(c.csrf)}
  <input type="hidden" name="token" value="${token}">
  ${kind === 'new-password' ? inputField({ name: 'password', label: m.newPassword, type: 'password', required: true, autocomplete: 'new-password', hint: tr.format(m.passwordHint, { count: MIN_PASSWORD_LENGTH }), problem: c.problem }) : ''}
  <button class="button button--primary" type="submit">${kind === 'verify' ? m.confirm : kind === 'login' ? m.signIn : m.savePassword}</button>
</form>`,
  });
}

export function renderAccount(
  c: AccountPageContext,
  user: User,
  ownedPlaces: { name: string; href: string }[],
): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  const form = (action: string, label: string, extra: SafeHtml = html``, danger = false) =>
    html`<form class="inline-form" method="post" action="${localePath(c.locale, action)}">${csrfField(c.csrf)}${extra}<button class="button${danger ? ' button--danger' : ''}" type="submit">${label}</button></form>`;
  return communityPage({
    ...c,
    path: 'account',
    title: m.account,
    body: html`<h1>${m.account}</h1>
${doneNotice(c.done)}
${problemSummary(tr, c.problem)}
<dl class="facts">
  <dt>${m.email}</dt><dd>${user.email ?? '—'}</dd>
  <dt>${m.role}</dt><dd>${m.roles[user.role]}</dd>
</dl>
<section aria-labelledby="h-profile"><h2 id="h-profile">${m.profile}</h2>
<form class="community-form" method="post" action="${localePath(c.locale, 'account/profile')}">
  ${csrfField(c.csrf)}
  ${inputField({ name: 'display_name', label: m.displayName, hint: m.displayNameHint, value: user.displayName, problem: c.problem })}
  ${user.role === 'moderator' || user.role === 'admin' ? html`<label class="check"><input type="checkbox" name="notify_digest"${user.notifyDigest ? html` checked` : ''}> ${m.digestOptIn}</label>` : ''}
  <button class="button button--primary" type="submit">${m.save}</button>
</form></section>
${ownedPlaces.length ? html`<section aria-labelledby="h-owned"><h2 id="h-owned">${m.ownedPlaces}</h2><ul>${ownedPlaces.map((p) => html`<li><a href="${p.href}">${p.name}</a></li>`)}</ul></section>` : ''}
<section aria-labelledby="h-sessions"><h2 id="h-sessions">${m.sessions}</h2>
<div class="form-row">${form('account/sign-out', m.signOut)}${form('account/sign-out-everywhere', m.signOutEverywhere)}</div></section>
<section aria-labelledby="h-data"><h2 id="h-data">${m.yourData}</h2>
<p>${tr.format(m.exportHint, {})}</p>
${form('account/export', m.exportData)}
<p>${m.deleteHint}</p>
${form('account/delete', m.deleteAccount, html`<label class="check"><input type="checkbox" name="confirm" required> ${m.deleteConfirm}</label>`, true)}
</section>`,
  });
}

/** The one page that loads Telegram's widget (only when the operator configured a bot). */
export function renderTelegramSignIn(c: AccountPageContext, botName: string, callbackPath: string): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'account/telegram',
    title: m.telegramSignIn,
    body: html`<h1>${m.telegramSignIn}</h1>
<p class="lead">${tr.format(m.telegramPrivacy, { site: 'telegram.org' })}</p>
<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-login="${botName}" data-size="large" data-auth-url="${callbackPath}" data-request-access="write"></script>
<p><a href="${localePath(c.locale, 'account/sign-in')}">${m.signIn}</a></p>`,
  });
}
