import { createHash } from 'node:crypto';
import type { Contacts } from '../../domain/places/place.ts';
import { encodeContact } from '../contact-encoding.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n/index.ts';

export interface ContactLink {
  kind: keyof Contacts;
  label: string;
  href: string;
  text: string;
}

/** `@name`, `name`, `t.me/name` or a full URL → `name`; null when it is not a handle at all. */
function handle(value: string, hosts: RegExp): string | null {
  const trimmed = value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(hosts, '')
    .replace(/^@/, '')
    .replace(/[/?#].*$/, '');
  return /^[A-Za-z0-9_.]{2,64}$/.test(trimmed) ? trimmed : null;
}

/** Only http(s) links are made clickable, so a listing can never carry a `javascript:` URL. */
function webUrl(value: string): URL | null {
  const text = /^https?:\/\//i.test(value.trim()) ? value.trim() : `https://${value.trim()}`;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export function contactLinks(tr: Translator, contacts: Contacts): ContactLink[] {
  const p = tr.m.place;
  const links: ContactLink[] = [];
  if (contacts.phone) {
    const digits = contacts.phone.replace(/[^\d+]/g, '');
    if (digits) links.push({ kind: 'phone', label: p.phone, href: `tel:${digits}`, text: contacts.phone });
  }
  if (contacts.website) {
    const url = webUrl(contacts.website);
    if (url) {
      const text = `${url.host}${url.pathname === '/' ? '' : url.pathname}`.replace(/^www\./, '');
      links.push({ kind: 'website', label: p.website, href: url.href, text });
    }
  }
  if (contacts.telegram) {
    const name = handle(contacts.telegram, /^(t\.me|telegram\.me)\//i);
    if (name)
      links.push({ kind: 'telegram', label: p.telegram, href: `https://t.me/${name}`, text: `@${name}` });
  }
  if (contacts.instagram) {
    const name = handle(contacts.instagram, /^(www\.)?instagram\.com\//i);
    if (name) {
      links.push({
        kind: 'instagram',
        label: p.instagram,
        href: `https://www.instagram.com/${name}/`,
        text: `@${name}`,
      });
    }
  }
  if (contacts.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contacts.email.trim())) {
    const email = contacts.email.trim();
    links.push({ kind: 'email', label: p.email, href: `mailto:${email}`, text: email });
  }
  return links;
}

/**
 * Phone numbers and e-mail addresses are often a private person's (a tutor, a hairdresser working from home),
 * and they are what address harvesters collect from raw HTML. Until asked for, they are not in the page as
 * text: a button shows them, with JavaScript at once (see client/reveal-contact.ts), without it by loading
 * the page again with `?reveal=phone`. Website and social links are public by nature and stay plain links.
 */
export const GUARDED_KINDS = ['phone', 'email'] as const;
export type GuardedKind = (typeof GUARDED_KINDS)[number];

export function isGuardedKind(kind: string): kind is GuardedKind {
  return (GUARDED_KINDS as readonly string[]).includes(kind);
}

/** The `reveal` query parameter (one value or repeated), in the order given, unknown values dropped. */
export function revealedKinds(value: unknown): GuardedKind[] {
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.filter((v): v is GuardedKind => typeof v === 'string' && isGuardedKind(v)))];
}

/**
 * The key a contact is encoded with. It differs between places and kinds, so an encoded number has no shape
 * common to all pages; it is derived rather than random so that a page stays byte-identical until the place
 * changes, and browsers can keep revalidating it with its ETag.
 */
function contactKey(seed: string, kind: GuardedKind): string {
  return createHash('sha256').update(`${seed}:${kind}`).digest('hex').slice(0, 16);
}

export interface ContactListOptions {
  tr: Translator;
  /** Contacts the visitor asked for, shown in clear; the first one was asked for last and gets the focus. */
  revealed: readonly GuardedKind[];
  /** The place page's own address: the no-JavaScript form asks it for the contact. */
  pagePath: string;
  /** Something that changes when the place does (its id and update time), for the encoding key. */
  seed: string;
}

function revealForm(link: ContactLink, kind: GuardedKind, options: ContactListOptions): SafeHtml {
  const p = options.tr.m.place;
  const key = contactKey(options.seed, kind);
  // The contacts already shown go along, so asking for the e-mail keeps the phone number on the page.
  const kept = options.revealed.filter((shown) => shown !== kind);
  // No `#fragment` in the action: a page opened at a fragment ignores `autofocus` (see contactValue).
  return html`<form class="reveal" method="get" action="${options.pagePath}"
          data-contact="${encodeContact(link, key)}" data-key="${key}">
          <button type="submit" class="reveal__button" name="reveal" value="${kind}">${
            kind === 'phone' ? p.showPhone : p.showEmail
          }</button>${kept.map((shown) => html`<input type="hidden" name="reveal" value="${shown}">`)}
        </form>`;
}

function contactValue(link: ContactLink, options: ContactListOptions): SafeHtml {
  const { kind } = link;
  if (!isGuardedKind(kind)) return html`<a href="${link.href}" rel="nofollow noopener ugc">${link.text}</a>`;
  if (!options.revealed.includes(kind)) return revealForm(link, kind, options);
  // After the no-JavaScript round trip, focus (and so the scroll position) lands on the contact asked for,
  // as it does with the script.
  return html`<a href="${link.href}"${kind === options.revealed[0] ? html` autofocus` : ''}>${link.text}</a>`;
}

export function contactList(links: ContactLink[], options: ContactListOptions): SafeHtml {
  return html`<dl class="contacts">
    ${links.map(
      (link) => html`<div class="contacts__row">
        <dt>${link.label}</dt>
        <dd>${contactValue(link, options)}</dd>
      </div>`,
    )}
  </dl>`;
}
