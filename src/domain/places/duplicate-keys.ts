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
