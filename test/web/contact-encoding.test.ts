import { describe, expect, it } from 'vitest';
import { decodeContact, encodeContact } from '../../src/web/contact-encoding.ts';

const KEY = '3fa85f6457174562';

describe('contacts encoded for the page', () => {
  it('round-trips a phone number and a non-Latin e-mail address', () => {
    for (const contact of [
      { href: 'tel:+381635550172', text: '+381 63 555 0172' },
      { href: 'mailto:пошта@пример.срб', text: 'пошта@пример.срб' },
    ]) {
      const encoded = encodeContact(contact, KEY);
      expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(encoded).not.toContain('381');
      expect(decodeContact(encoded, KEY)).toEqual(contact);
    }
  });

  it('looks different under another key', () => {
    const contact = { href: 'tel:+381635550172', text: '+381 63 555 0172' };
    expect(encodeContact(contact, KEY)).not.toBe(encodeContact(contact, 'a1b2c3d4e5f60718'));
  });

  it('gives nothing for a damaged value, a wrong key, or a link that is not tel: or mailto:', () => {
    const encoded = encodeContact({ href: 'tel:+38111', text: '011' }, KEY);
    expect(decodeContact(`${encoded.slice(0, -4)}@@@@`, KEY)).toBeNull();
    expect(decodeContact(encoded, '0000000000000001')).toBeNull();
    expect(decodeContact(encoded, 'not hex')).toBeNull();
    expect(decodeContact(encodeContact({ href: 'javascript:alert(1)', text: 'x' }, KEY), KEY)).toBeNull();
  });
});
