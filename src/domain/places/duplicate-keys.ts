import { distanceMeters } from '../geo.ts';
import { phoneKeys, termKey, tokenize } from '../search/normalise.ts';
import type { PlaceData } from './place.ts';

/**
 * What makes two records likely the same place: the same name however it was written (scripts and
 * diacritics folded, so "Бистро Дорћол" = "Bistro Dorcol") close together, or the same phone, or the same
 * website. Stored with each place so that an import can look its batch up by index instead of scanning.
 */
export interface DuplicateKeys {
  /** The original name's key; every name of the place counts when comparing (see `namesOf`). */
  name: string;
  phone: string | null;
  website: string | null;
}

/** How near two places with the same name must be to count as one. */
export const SAME_NAME_RADIUS_M = 50;
/**
 * How near two places with the same phone or website must be: branches of a chain share both across the
 * city and must stay separate places; one business listed twice is in one spot.
 */
export const SAME_CONTACT_RADIUS_M = 300;

export function nameKey(name: string): string {
  return recently(recentNameKeys, name, (n) => tokenize(n).map(termKey).filter(Boolean).join(' '));
}

/** The international digits of the first phone number (+381 64 123 4567 and 064/123-4567 agree). */
export function phoneKey(phone: string | undefined): string | null {
  if (!phone) return null;
  return recently(recentPhoneKeys, phone, (p) => phoneKeys(p)[0] ?? null);
}

/** Host without `www.` and path without a trailing slash, lower case: http/https and `/` do not matter. */
export function websiteKey(website: string | undefined): string | null {
  if (!website) return null;
  return recently(recentWebsiteKeys, website, uncachedWebsiteKey);
}

// An import needs each record's keys several times within a batch (matching, the record's id, the stored
// row): the keys of recent values are kept, and forgotten all at once when there are too many.
const RECENT_KEYS = 10_000;
const recentNameKeys = new Map<string, string>();
const recentPhoneKeys = new Map<string, string | null>();
const recentWebsiteKeys = new Map<string, string | null>();

function recently<T>(recent: Map<string, T>, value: string, compute: (value: string) => T): T {
  if (recent.has(value)) return recent.get(value) as T;
  const key = compute(value);
  if (recent.size >= RECENT_KEYS) recent.clear();
  recent.set(value, key);
  return key;
}

function uncachedWebsiteKey(website: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = url.pathname.replace(/\/+$/, '').toLowerCase();
    return host ? `${host}${path}` : null;
  } catch {
    return null;
  }
}

export function duplicateKeys(place: PlaceData): DuplicateKeys {
  const original = place.names[place.originalLocale] ?? Object.values(place.names)[0] ?? '';
  return {
    name: nameKey(original),
    phone: phoneKey(place.contacts.phone),
    website: websiteKey(place.contacts.website),
  };
}

/** Keys of every name a place has (in any locale): a match on any of them counts. */
export function namesOf(place: PlaceData): Set<string> {
  return new Set(
    Object.values(place.names)
      .map((n) => nameKey(n ?? ''))
      .filter(Boolean),
  );
}

/** What duplicate matching needs of a place or record: its keys and where it is. */
export interface MatchKeys {
  names: ReadonlySet<string>;
  phone: string | null;
  website: string | null;
  lon: number;
  lat: number;
}

export function matchKeys(place: PlaceData, keys: DuplicateKeys = duplicateKeys(place)): MatchKeys {
  return { names: namesOf(place), phone: keys.phone, website: keys.website, lon: place.lon, lat: place.lat };
}

type Keyed<T> = { entry: T; keys: MatchKeys };

/**
 * Finds likely duplicates among many entries in constant time per lookup (by name key, phone, website),
 * so that checking a batch against thousands of candidates stays linear.
 */
export class DuplicateIndex<T> {
  private readonly byName = new Map<string, Keyed<T>[]>();
  private readonly byPhone = new Map<string, Keyed<T>[]>();
  private readonly byWebsite = new Map<string, Keyed<T>[]>();

  add(entry: T, keys: MatchKeys): void {
    const item = { entry, keys };
    for (const name of keys.names) append(this.byName, name, item);
    if (keys.phone) append(this.byPhone, keys.phone, item);
    if (keys.website) append(this.byWebsite, keys.website, item);
  }

  /** The first likely duplicate of `keys` and why, or undefined. */
  find(keys: MatchKeys): { entry: T; reason: string } | undefined {
    const near = (list: Keyed<T>[] | undefined, radius: number, what: string) => {
      for (const other of list ?? []) {
        const metres = distanceMeters([keys.lon, keys.lat], [other.keys.lon, other.keys.lat]);
        if (metres <= radius) return { entry: other.entry, reason: `${what} ${Math.round(metres)} m away` };
      }
      return undefined;
    };
    for (const name of keys.names) {
      const found = near(this.byName.get(name), SAME_NAME_RADIUS_M, 'same name');
      if (found) return found;
    }
    return (
      (keys.phone ? near(this.byPhone.get(keys.phone), SAME_CONTACT_RADIUS_M, 'same phone') : undefined) ??
      (keys.website
        ? near(this.byWebsite.get(keys.website), SAME_CONTACT_RADIUS_M, 'same website')
        : undefined)
    );
  }
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
