import type { Actor, User } from '../../../domain/accounts/user.ts';
import { ROLES } from '../../../domain/accounts/user.ts';
import type { AuditEntry, PlaceVersion } from '../../../domain/contributions/contribution.ts';
import { type FieldChange, placeDiff } from '../../../domain/contributions/place-diff.ts';
import type { CityEvent } from '../../../domain/events/event.ts';
import { type Locale, pickText } from '../../../domain/locales.ts';
import { publicView } from '../../../domain/places/approximate-position.ts';
import type { Place, PlaceData } from '../../../domain/places/place.ts';
import type { ClaimItem } from '../../../usecases/contributions/claims.ts';
import type { ReportGroup } from '../../../usecases/contributions/report-place.ts';
import type { QueueItem } from '../../../usecases/contributions/review-suggestion.ts';
import type { EventChangeItem } from '../../../usecases/events/edit-event.ts';
import { placePath } from '../../../usecases/present-place.ts';
import type { Taxonomy } from '../../../usecases/taxonomy.ts';
import { html, type SafeHtml } from '../../html.ts';
import { type Translator, t } from '../../i18n/index.ts';
import { localePath } from '../../locale.ts';
import { typeName } from '../events/event-items.ts';
import type { Assets } from '../layout.ts';
import { communityPage, csrfField, doneNotice, type FormProblem, problemSummary } from './form-kit.ts';
import { readableChange, readableEventDiff } from './readable-change.ts';

export interface ModerationContext {
  assets: Assets;
  locale: Locale;
  origin: string;
  actor: Actor;
  csrf: string;
  problem?: FormProblem | null;
  done?: string | null;
  /** To name categories, cities and neighbourhoods in diffs. */
  taxonomy: Taxonomy;
}

function nameOf(place: PlaceData, locale: Locale): string {
  return pickText(place.names, locale, place.originalLocale);
}

/**
 * A table that may be wider than a phone: its box scrolls, and is focusable and named so that keyboard and
 * screen-reader users can scroll it too.
 */
export function scrollingTable(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${label}">${table}</div>`;
}

/** A side-by-side table: field, before, after, in words people use. The caption says what is compared. */
function diffTable(c: ModerationContext, tr: Translator, changes: FieldChange[], caption: string): SafeHtml {
  const rows = changes.map((change) => readableChange(change, tr, c.taxonomy));
  return labelledDiff(
    tr,
    rows.map((r) => ({ label: tr.m.community.fields[r.field], before: r.before, after: r.after })),
    caption,
  );
}

/** Field, before and after, side by side: a place's or an event's change, already in words. */
function labelledDiff(
  tr: Translator,
  rows: { label: string; before: string; after: string }[],
  caption: string,
): SafeHtml {
  const m = tr.m.community;
  if (rows.length === 0) return html`<p>${m.noChanges}</p>`;
  return scrollingTable(
    caption,
    html`<table class="diff"><caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">${m.field}</th><th scope="col">${m.before}</th><th scope="col">${m.after}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="diff__old">${r.before ? html`<del>${r.before}</del>` : '—'}</td><td class="diff__new">${r.after ? html`<ins>${r.after}</ins>` : '—'}</td></tr>`)}</tbody></table>`,
  );
}

function postButton(
  c: ModerationContext,
  action: string,
  label: string,
  fields: SafeHtml = html``,
  look: 'plain' | 'primary' | 'danger' = 'plain',
): SafeHtml {
  return html`<form class="inline-form" method="post" action="${localePath(c.locale, action)}">${csrfField(c.csrf)}${fields}<button class="button${look === 'plain' ? '' : ` button--${look}`}" type="submit">${label}</button></form>`;
}

function queueEntry(c: ModerationContext, tr: Translator, item: QueueItem): SafeHtml {
  const m = tr.m.community;
  const s = item.suggestion;
  const heading =
    s.kind === 'new'
      ? tr.format(m.newPlaceNamed, { name: nameOf(s.data, c.locale) })
      : tr.format(m.editOf, { name: nameOf(item.current ?? s.data, c.locale) });
  return html`<article class="queue-item" aria-labelledby="s-${s.id}">
  <h3 id="s-${s.id}">${heading}</h3>
  <p class="queue-item__meta">${tr.format(m.sentOn, { date: tr.date(s.createdAt) })} · ${s.submitter.userId ? tr.format(m.byUser, { id: s.submitter.userId }) : m.byVisitor}${s.proofOfWork ? '' : html` · <strong>${m.noProofOfWork}</strong>`}${item.stale ? html` · <strong>${m.stale}</strong>` : ''}</p>
  ${s.comment ? html`<blockquote class="queue-item__comment">${s.comment}</blockquote>` : ''}
  ${diffTable(c, tr, item.changes, m.diffCaption)}
  <div class="form-row">
    ${postButton(c, `moderation/suggestions/${s.id}/approve`, m.approve, html``, 'primary')}
    <a class="button" href="${localePath(c.locale, `moderation/suggestions/${s.id}`)}">${m.editThenApprove}</a>
    <form class="inline-form" method="post" action="${localePath(c.locale, `moderation/suggestions/${s.id}/reject`)}">${csrfField(c.csrf)}
      <label for="reason-${s.id}" class="inline-form__label">${m.rejectReason}</label>
      <input id="reason-${s.id}" name="reason" required>
      <button class="button" type="submit">${m.reject}</button></form>
  </div>
</article>`;
}

function reportEntry(c: ModerationContext, tr: Translator, group: ReportGroup): SafeHtml {
  const m = tr.m.community;
  const id = group.place.id;
  return html`<article class="queue-item" aria-labelledby="r-${id}">
  <h3 id="r-${id}"><a href="${localePath(c.locale, placePath(group.place).slice(1))}">${nameOf(group.place, c.locale)}</a> <span class="queue-item__id">(${tr.format(m.placeNumber, { id })})</span> — ${tr.plural(m.reportCount, group.count)}</h3>
  <ul class="report-kinds">${Object.entries(group.byKind).map(([kind, count]) => html`<li>${m.reportKinds[kind as keyof typeof m.reportKinds]}: ${count}</li>`)}</ul>
  ${group.reports.some((r) => r.message) ? html`<ul class="report-messages">${group.reports.filter((r) => r.message).map((r) => html`<li><strong>${m.reportKinds[r.kind]}:</strong> ${r.message}</li>`)}</ul>` : ''}
  <div class="form-row">
    ${postButton(c, `moderation/places/${id}/status`, m.markClosed, html`<input type="hidden" name="status" value="closed">`)}
    ${postButton(c, `moderation/places/${id}/status`, m.deletePlace, html`<input type="hidden" name="status" value="deleted">`, 'danger')}
    ${postButton(c, `moderation/places/${id}/resolve`, m.dismissReports)}
    <a class="button" href="${localePath(c.locale, `p/${id}/history`)}">${m.history}</a>
  </div>
  <form class="inline-form" method="post" action="${localePath(c.locale, `moderation/places/${id}/merge`)}">${csrfField(c.csrf)}
    <label for="merge-${id}">${m.mergeInto}</label>
    <input id="merge-${id}" name="into" inputmode="numeric" required pattern="[0-9]+">
    <button class="button" type="submit">${m.merge}</button></form>
</article>`;
}

function claimEntry(c: ModerationContext, tr: Translator, item: ClaimItem): SafeHtml {
  const m = tr.m.community;
  const id = item.claim.id;
  return html`<article class="queue-item" aria-labelledby="c-${id}">
  <h3 id="c-${id}">${item.place ? html`<a href="${localePath(c.locale, placePath(item.place).slice(1))}">${nameOf(item.place, c.locale)}</a>` : `#${item.claim.placeId}`}</h3>
  <p class="queue-item__meta">${item.claimant?.displayName ?? item.claimant?.email ?? m.deletedUser} · ${tr.date(item.claim.createdAt)}</p>
  <blockquote class="queue-item__comment">${item.claim.evidence}</blockquote>
  <div class="form-row">
    ${postButton(c, `moderation/claims/${id}/approve`, m.approve, html``, 'primary')}
    <form class="inline-form" method="post" action="${localePath(c.locale, `moderation/claims/${id}/reject`)}">${csrfField(c.csrf)}
      <label for="claim-reason-${id}" class="inline-form__label">${m.rejectReason}</label>
      <input id="claim-reason-${id}" name="reason" required>
      <button class="button" type="submit">${m.reject}</button></form>
  </div>
</article>`;
}

function eventEntry(c: ModerationContext, tr: Translator, event: CityEvent): SafeHtml {
  const m = tr.m.community;
  return html`<article class="queue-item" aria-labelledby="e-${event.id}">
  <h3 id="e-${event.id}">${pickText(event.titles, c.locale, event.originalLocale)}</h3>
  <p class="queue-item__meta">${typeName(event.type, c.locale)} · ${event.start.replace('T', ' ')}${event.rrule ? html` · <code>${event.rrule}</code>` : ''} · ${event.address ?? ''}</p>
  ${(event.descriptions[c.locale] ?? Object.values(event.descriptions)[0]) ? html`<blockquote class="queue-item__comment">${event.descriptions[c.locale] ?? Object.values(event.descriptions)[0]}</blockquote>` : ''}
  <div class="form-row">
    ${postButton(c, `moderation/events/${event.id}/approve`, m.approve, html``, 'primary')}
    ${postButton(c, `moderation/events/${event.id}/reject`, m.reject)}
  </div>
</article>`;
}

function eventChangeEntry(c: ModerationContext, tr: Translator, item: EventChangeItem): SafeHtml {
  const m = tr.m.community;
  const { change, event } = item;
  const id = change.id;
  const title = pickText((event ?? change.base).titles, c.locale, (event ?? change.base).originalLocale);
  return html`<article class="queue-item" aria-labelledby="ec-${id}">
  <h3 id="ec-${id}">${event ? html`<a href="${localePath(c.locale, `events/${event.id}`)}">${title}</a>` : title}</h3>
  <p class="queue-item__meta">${tr.date(change.createdAt)}</p>
  ${labelledDiff(tr, readableEventDiff(item.diff, tr, c.taxonomy), m.diffCaption)}
  ${change.comment ? html`<blockquote class="queue-item__comment">${change.comment}</blockquote>` : ''}
  <div class="form-row">
    ${postButton(c, `moderation/event-changes/${id}/approve`, m.approve, html``, 'primary')}
    <form class="inline-form" method="post" action="${localePath(c.locale, `moderation/event-changes/${id}/reject`)}">${csrfField(c.csrf)}
      <label for="ec-reason-${id}" class="inline-form__label">${m.rejectReason}</label>
      <input id="ec-reason-${id}" name="reason" required>
      <button class="button" type="submit">${m.reject}</button></form>
  </div>
</article>`;
}

export interface ModerationQueues {
  suggestions: QueueItem[];
  reports: ReportGroup[];
  claims: ClaimItem[];
  events: CityEvent[];
  eventChanges: EventChangeItem[];
}

export function renderModeration(c: ModerationContext, queues: ModerationQueues): SafeHtml {
  const { suggestions: queue, reports, claims, events, eventChanges } = queues;
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'moderation',
    title: m.moderation,
    body: html`<h1>${m.moderation}</h1>
${doneNotice(c.done)}
${problemSummary(tr, c.problem)}
<section aria-labelledby="h-queue"><h2 id="h-queue">${m.suggestions} (${queue.length})</h2>
${queue.length ? queue.map((item) => queueEntry(c, tr, item)) : html`<p>${m.queueEmpty}</p>`}</section>
<section aria-labelledby="h-events"><h2 id="h-events">${tr.m.events.title} (${events.length})</h2>
${events.length ? events.map((event) => eventEntry(c, tr, event)) : html`<p>${m.queueEmpty}</p>`}</section>
<section aria-labelledby="h-event-changes"><h2 id="h-event-changes">${tr.m.events.eventChanges} (${eventChanges.length})</h2>
${eventChanges.length ? eventChanges.map((item) => eventChangeEntry(c, tr, item)) : html`<p>${m.queueEmpty}</p>`}</section>
<section aria-labelledby="h-reports"><h2 id="h-reports">${m.reports} (${reports.length})</h2>
${reports.length ? reports.map((g) => reportEntry(c, tr, g)) : html`<p>${m.queueEmpty}</p>`}</section>
<section aria-labelledby="h-claims"><h2 id="h-claims">${m.claims} (${claims.length})</h2>
${claims.length ? claims.map((item) => claimEntry(c, tr, item)) : html`<p>${m.queueEmpty}</p>`}</section>`,
  });
}

/**
 * A place's versions, newest first, each with what it changed against the one before. The public sees
 * home-based places' approximate position only; moderators can revert to any version.
 */
export function renderHistory(
  c: ModerationContext,
  place: Place,
  versions: PlaceVersion[],
  authors: Map<number, User>,
  access: { moderator: boolean; admin: boolean; exact: boolean },
): SafeHtml {
  const { moderator, exact } = access;
  const tr = t(c.locale);
  const m = tr.m.community;
  const name = nameOf(place, c.locale);
  const title = tr.format(m.historyOf, { name });
  const view = (data: PlaceData) => (exact ? data : publicView(data));
  return communityPage({
    ...c,
    path: `p/${place.id}/history`,
    title,
    body: html`<h1>${title}</h1>
<p><a href="${localePath(c.locale, placePath(place).slice(1))}">${m.backToPlace}</a></p>
${doneNotice(c.done)}
${problemSummary(tr, c.problem)}
${versions.length === 0 ? html`<p>${m.noHistory}</p>` : ''}
<ol class="history" reversed>
${versions.map((v, i) => {
  const previous = versions[i + 1];
  const author =
    v.authorId === null
      ? m.byVisitorOrSystem
      : authors.get(v.authorId)?.deletedAt
        ? m.deletedUser
        : (authors.get(v.authorId)?.displayName ??
          (moderator ? tr.format(m.byUser, { id: v.authorId }) : m.aContributor));
  return html`<li class="history__version" id="v${v.version}">
  <h2 class="history__title">${tr.format(m.versionN, { n: v.version })} · ${m.actions[v.action]} · ${tr.date(v.createdAt)} · ${author}</h2>
  ${v.note ? html`<p class="history__note">${v.note}</p>` : ''}
  ${diffTable(c, tr, placeDiff(previous ? view(previous.data) : null, view(v.data)), tr.format(m.versionN, { n: v.version }))}
  ${moderator && v.version !== place.version ? postButton(c, `p/${place.id}/revert`, tr.format(m.revertTo, { n: v.version }), html`<input type="hidden" name="version" value="${v.version}">`) : ''}
</li>`;
})}
</ol>
${
  access.admin
    ? html`<section class="danger-zone" aria-labelledby="h-purge"><h2 id="h-purge">${m.purge}</h2><p>${m.purgeHint}</p>
<form class="inline-form" method="post" action="${localePath(c.locale, `moderation/places/${place.id}/purge`)}">${csrfField(c.csrf)}
<label for="purge-reason">${m.purgeReason}</label><input id="purge-reason" name="reason" required minlength="5">
<button class="button button--danger" type="submit">${m.purge}</button></form></section>`
    : ''
}`,
  });
}

export function renderAudit(c: ModerationContext, entries: AuditEntry[]): SafeHtml {
  const m = t(c.locale).m.community;
  return communityPage({
    ...c,
    path: 'admin/audit',
    title: m.auditLog,
    body: html`<h1>${m.auditLog}</h1>
${scrollingTable(
  m.auditLog,
  html`<table class="audit"><caption class="visually-hidden">${m.auditLog}</caption>
<thead><tr><th scope="col">${m.when}</th><th scope="col">${m.who}</th><th scope="col">${m.what}</th><th scope="col">${m.target}</th><th scope="col">${m.details}</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td>${e.createdAt.replace('T', ' ').slice(0, 19)}</td><td>${e.actorId ?? '—'}</td><td>${e.action}</td><td>${e.target}</td><td><code>${JSON.stringify(e.details)}</code></td></tr>`)}</tbody></table>`,
)}`,
  });
}

export function renderUsers(c: ModerationContext, users: User[]): SafeHtml {
  const tr = t(c.locale);
  const m = tr.m.community;
  return communityPage({
    ...c,
    path: 'admin/users',
    title: m.users,
    body: html`<h1>${m.users}</h1>
${doneNotice(c.done)}
${problemSummary(tr, c.problem)}
${scrollingTable(
  m.users,
  html`<table><caption class="visually-hidden">${m.users}</caption>
<thead><tr><th scope="col">#</th><th scope="col">${m.email}</th><th scope="col">${m.displayName}</th><th scope="col">${m.role}</th></tr></thead>
<tbody>${users.map(
    (u) => html`<tr><td>${u.id}</td><td>${u.email ?? '—'}</td><td>${u.displayName ?? '—'}</td><td>
<form class="inline-form" method="post" action="${localePath(c.locale, `admin/users/${u.id}/role`)}">${csrfField(c.csrf)}
<label for="role-${u.id}" class="visually-hidden">${m.role}</label>
<select id="role-${u.id}" name="role">${ROLES.map((r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${m.roles[r]}</option>`)}</select>
<button class="button" type="submit">${m.save}</button></form></td></tr>`,
  )}</tbody></table>`,
)}`,
  });
}
