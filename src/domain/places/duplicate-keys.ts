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

export function nameKey(name: string): string {
  return tokenize(name).map(termKey).filter(Boolean).join(' ');
}

/** The international digits of the first phone number (+381 64 123 4567 and 064/123-4567 agree). */
export function phoneKey(phone: string | undefined): string | null {
  if (!phone) return null;
  return phoneKeys(phone)[0] ?? null;
}

/** Host without `www.` and path without a trailing slash, lower case: http/https and `/` do not matter. */
export function websiteKey(website: string | undefined): string | null {
  if (!website) return null;
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

/** Why `candidate` is likely the same place as `place`, or null when it is not. */
export function duplicateReason(place: PlaceData, candidate: PlaceData): string | null {
  const names = namesOf(place);
  if ([...namesOf(candidate)].some((n) => names.has(n))) {
    const metres = distanceMeters([place.lon, place.lat], [candidate.lon, candidate.lat]);
    if (metres <= SAME_NAME_RADIUS_M) return `same name ${Math.round(metres)} m away`;
  }
  const mine = duplicateKeys(place);
  const theirs = duplicateKeys(candidate);
  if (mine.phone && mine.phone === theirs.phone) return 'same phone';
  if (mine.website && mine.website === theirs.website) return 'same website';
  return null;
}

/** What duplicate matching needs of a place or record: its keys and where it is. */
export interface MatchKeys {
  names: ReadonlySet<string>;
  phone: string | null;
  website: string | null;
  lon: number;
  lat: number;
}

export function matchKeys(place: PlaceData): MatchKeys {
  const keys = duplicateKeys(place);
  return { names: namesOf(place), phone: keys.phone, website: keys.website, lon: place.lon, lat: place.lat };
}

/**
 * Finds likely duplicates among many entries in constant time per lookup (by name key, phone, website),
 * so that checking a batch against thousands of candidates stays linear.
 */
export class DuplicateIndex<T> {
  private readonly byName = new Map<string, Array<{ entry: T; keys: MatchKeys }>>();
  private readonly byPhone = new Map<string, T>();
  private readonly byWebsite = new Map<string, T>();

  add(entry: T, keys: MatchKeys): void {
    for (const name of keys.names) {
      const list = this.byName.get(name) ?? [];
      list.push({ entry, keys });
      this.byName.set(name, list);
    }
    if (keys.phone && !this.byPhone.has(keys.phone)) this.byPhone.set(keys.phone, entry);
    if (keys.website && !this.byWebsite.has(keys.website)) this.byWebsite.set(keys.website, entry);
  }

  /** The first likely duplicate of `keys` and why, or undefined. */
  find(keys: MatchKeys): { entry: T; reason: string } | undefined {
    for (const name of keys.names) {
      for (const other of this.byName.get(name) ?? []) {
        const metres = distanceMeters([keys.lon, keys.lat], [other.keys.lon, other.keys.lat]);
        if (metres <= SAME_NAME_RADIUS_M)
          return { entry: other.entry, reason: `same name ${Math.round(metres)} m away` };
      }
    }
    const byPhone = keys.phone ? this.byPhone.get(keys.phone) : undefined;
    if (byPhone !== undefined) return { entry: byPhone, reason: 'same phone' };
    const byWebsite = keys.website ? this.byWebsite.get(keys.website) : undefined;
    if (byWebsite !== undefined) return { entry: byWebsite, reason: 'same website' };
    return undefined;
  }
}
