/**
 * How a place page carries a phone number or e-mail address that has not been asked for yet: XORed with a
 * short key and written in base64, in a `data-` attribute beside the key. The server encodes, the browser
 * client decodes when someone presses "Show phone number".
 *
 * The aim is only to defeat harvesters that run regular expressions over raw HTML (digit runs, `x@y.z`,
 * `tel:`/`mailto:`), not a person or a scraper written for this site: the key is right there. Plain base64
 * or reversed text would not do even that much. Reversed text is still a run of digits or an address, and
 * base64 of a fixed text is itself fixed, so a harvester can know it; with a key that differs between
 * places (see `contactKey`) the same number never looks the same twice. The runtime APIs used here
 * (TextEncoder, btoa, atob) exist in both Node and browsers, so one module serves both ends.
 */

export interface EncodedContact {
  href: string;
  text: string;
}

function xor(bytes: Uint8Array, key: Uint8Array): Uint8Array {
  if (key.length === 0) throw new Error('the contact key is empty');
  return bytes.map((byte, i) => byte ^ (key[i % key.length] ?? 0));
}

function hexBytes(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

export function encodeContact(contact: EncodedContact, keyHex: string): string {
  const key = hexBytes(keyHex);
  if (!key) throw new Error('the contact key must be hexadecimal');
  const bytes = xor(new TextEncoder().encode(JSON.stringify([contact.href, contact.text])), key);
  return btoa(String.fromCharCode(...bytes));
}

/** The contact, or null when the attribute was damaged or is not one of ours. */
export function decodeContact(encoded: string, keyHex: string): EncodedContact | null {
  const key = hexBytes(keyHex);
  if (!key) return null;
  try {
    const bytes = Uint8Array.from(atob(encoded), (ch) => ch.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(xor(bytes, key)));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [href, text] = value as unknown[];
    // Only the two kinds of link this carries; anything else is not made clickable.
    if (typeof href !== 'string' || typeof text !== 'string' || !/^(tel|mailto):/.test(href)) return null;
    return { href, text };
  } catch {
    return null;
  }
}
