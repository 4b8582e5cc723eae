import type { Contacts } from '../../domain/places/place.ts';
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

export function contactList(links: ContactLink[]): SafeHtml {
  return html`<dl class="contacts">
    ${links.map(
      (link) => html`<div class="contacts__row">
        <dt>${link.label}</dt>
        <dd><a href="${link.href}"${
          link.kind === 'phone' || link.kind === 'email' ? '' : html` rel="nofollow noopener ugc"`
        }>${link.text}</a></dd>
      </div>`,
    )}
  </dl>`;
}
