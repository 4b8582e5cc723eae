import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/locales.ts';
import { decodeContact } from '../../src/web/contact-encoding.ts';
import { BACKENDS } from '../support/backends.ts';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server.ts';

const PHONE = '+381 63 555 0172';
const EMAIL = 'zakazi.stol@primer-kafe.rs';
/** What a harvester keeps of the number, whatever the separators: the digits after the country code. */
const NATIONAL_DIGITS = '635550172';

/** Phone-like runs of digits (with spaces, dashes, dots, brackets between) as a harvester's regex finds them. */
function phoneLikeDigits(body: string): string[] {
  return [...body.matchAll(/\+?\d[\d\s().\-/]{5,}\d/g)].map((m) => m[0].replace(/\D/g, ''));
}

function leaks(body: string): string[] {
  const found: string[] = [];
  if (phoneLikeDigits(body).some((digits) => digits.includes(NATIONAL_DIGITS))) found.push('phone digits');
  for (const text of [PHONE, 'tel:', 'mailto:', 'zakazi.stol', 'primer-kafe', '&#64;'])
    if (body.includes(text)) found.push(text);
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(body)) found.push('an e-mail address');
  return found;
}

function jsonLd(body: string): Record<string, unknown> {
  const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)?.[1];
  return JSON.parse(script ?? '{}');
}

describe.each(BACKENDS)('contacts on the place page on %s', (backend) => {
  let server: TestServer;
  let path = '';
  const page = async (url: string) => {
    const response = await server.app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, demo: false, now: new Date('2026-11-24T11:00:00Z') });
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/places',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: {
        names: { ru: 'Кафе «Сырники»', 'sr-Latn': 'Kafe Sirnici' },
        category: 'cafe',
        lon: 20.4651,
        lat: 44.8176,
        contacts: { phone: PHONE, email: EMAIL, website: 'https://sirnici.example', telegram: '@sirnici' },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    path = response.json().properties.url;
  });
  afterAll(() => server.close());

  it('serves neither the phone number nor the e-mail address until asked, in any locale', async () => {
    for (const locale of LOCALES) {
      const body = await page(`/${locale}${path}`);
      expect(leaks(body), locale).toEqual([]);
      expect(body).toContain('class="reveal__button" name="reveal" value="phone"');
      expect(body).toContain('class="reveal__button" name="reveal" value="email"');
      expect(body).not.toContain('name="robots"');
      // Website and Telegram are public by nature: plain links as before.
      expect(body).toContain('href="https://sirnici.example/"');
      expect(body).toContain('href="https://t.me/sirnici"');
    }
    const en = await page(`/en${path}`);
    expect(en).toContain('>Show phone number</button>');
    expect(en).toContain('>Show email address</button>');
    expect(await page(`/ru${path}`)).toContain('>Показать телефон</button>');
    expect(await page(`/sr-Cyrl${path}`)).toContain('>Прикажи е-пошту</button>');
  });

  it('carries each contact encoded for the script, under its own key', async () => {
    const body = await page(`/en${path}`);
    const forms = [...body.matchAll(/data-contact="([^"]+)" data-key="([0-9a-f]+)"/g)];
    expect(forms).toHaveLength(2);
    const [phone, email] = forms.map(([, encoded = '', key = '']) => ({
      key,
      contact: decodeContact(encoded, key),
    }));
    expect(phone?.contact).toEqual({ href: 'tel:+381635550172', text: PHONE });
    expect(email?.contact).toEqual({ href: `mailto:${EMAIL}`, text: EMAIL });
    expect(phone?.key).not.toBe(email?.key);
    // The same page twice is the same bytes, so its ETag still saves the transfer.
    expect(await page(`/en${path}`)).toBe(body);
  });

  it('shows the phone number when asked, keeps the e-mail address hidden, and stays out of search engines', async () => {
    const body = await page(`/en${path}?reveal=phone`);
    expect(leaks(body)).toEqual(['phone digits', PHONE, 'tel:']);
    expect(body).toContain(`<a href="tel:+381635550172" autofocus>${PHONE}</a>`);
    expect(body).toContain('<meta name="robots" content="noindex">');
    expect(body).not.toContain('mailto:');
    expect(body).not.toContain(EMAIL);
    // Asking for the e-mail address next keeps the number on the page.
    expect(body).toMatch(
      /action="\/en\/p\/\d+-[a-z-]+"[^>]*>\s*<button[^>]*value="email">[^<]*<\/button><input type="hidden" name="reveal" value="phone">/,
    );
  });

  it('shows both when both are asked for, focusing the one asked for last', async () => {
    const body = await page(`/en${path}?reveal=email&reveal=phone`);
    expect(body).toContain(`<a href="mailto:${EMAIL}" autofocus>${EMAIL}</a>`);
    expect(body).toContain(`<a href="tel:+381635550172">${PHONE}</a>`);
    expect(body).not.toContain('class="reveal"');
  });

  it('never puts them in the structured data, asked for or not', async () => {
    for (const query of ['', '?reveal=phone&reveal=email']) {
      const data = jsonLd(await page(`/en${path}${query}`));
      expect(data['@type']).toBe('LocalBusiness');
      expect(data).not.toHaveProperty('telephone');
      expect(data).not.toHaveProperty('email');
      expect(data.sameAs).toEqual(['https://sirnici.example/', 'https://t.me/sirnici']);
    }
  });

  it('ignores other values of reveal, and keeps the request across the slug redirect', async () => {
    const body = await page(`/en${path}?reveal=website&reveal=%3Cx%3E`);
    expect(leaks(body)).toEqual([]);
    expect(body).not.toContain('name="robots"');
    const id = /\/p\/(\d+)-/.exec(path)?.[1];
    const moved = await server.app.inject({ method: 'GET', url: `/en/p/${id}-old-name?reveal=phone` });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/en${path}?reveal=phone`);
  });
});
