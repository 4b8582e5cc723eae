import type { SpokenLanguage } from '../languages.ts';
import type { Locale, LocalizedText } from '../locales.ts';

/** `deleted` is a status, not a removal: a moderator can bring the place back (only an admin's purge removes it). */
export const PLACE_STATUSES = ['active', 'closed', 'pending', 'deleted'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

export interface Contacts {
  phone?: string;
  website?: string;
  telegram?: string;
  instagram?: string;
  email?: string;
}
export const CONTACT_FIELDS = ['phone', 'website', 'telegram', 'instagram', 'email'] as const;

/** Where a record came from: `demo`, `web`, `import:<file>`, … and the source's own id (e.g. `node/123`). */
export interface Provenance {
  source: string;
  sourceId?: string;
  layer?: string;
}

/** A place as the domain sees it; storage adds nothing to it but the id and timestamps. */
export interface PlaceData {
  names: LocalizedText;
  /** The locale the place named itself in first; the fallback when a locale has no name. */
  originalLocale: Locale;
  descriptions: LocalizedText;
  category: string;
  extraCategories: string[];
  lon: number;
  lat: number;
  address: string | null;
  city: string;
  neighbourhood: string | null;
  contacts: Contacts;
  hours: string | null;
  languages: SpokenLanguage[];
  tags: string[];
  status: PlaceStatus;
  /**
   * Works from a home (a tutor, a handyman): only an approximate position and no street address are ever
   * public (see approximate-position.ts). Absent means false.
   */
  homeBased?: boolean;
  /**
   * The place says it welcomes locals as much as newcomers (Serbian spoken or a Serbian menu, mixed
   * audience): what the "locals welcome" filter finds. Absent means not stated.
   */
  localsWelcome?: boolean;
  /** When the place opened, `YYYY-MM` or `YYYY-MM-DD`, when someone knows; insights count openings by it. */
  opened?: string;
  isDemo: boolean;
  provenance: Provenance;
}

export interface Place extends PlaceData {
  id: number;
  /** Grows by one with every change; the place's history lists every version. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A URL slug from a name in any script: Cyrillic is romanised so links stay readable and ASCII. */
export function slugify(text: string): string {
  const CYR: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    ђ: 'dj',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    ј: 'j',
    к: 'k',
    л: 'l',
    љ: 'lj',
    м: 'm',
    н: 'n',
    њ: 'nj',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    ћ: 'c',
    у: 'u',
    ф: 'f',
    х: 'h',
    ц: 'c',
    ч: 'ch',
    џ: 'dz',
    ш: 'sh',
    щ: 'shch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
    і: 'i',
    ї: 'yi',
    є: 'ye',
    ґ: 'g',
    ў: 'u',
  };
  const romanised = [...text.toLowerCase()].map((ch) => CYR[ch] ?? ch).join('');
  return (
    romanised
      .normalize('NFKD')
      .replace(/đ/g, 'dj')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'place'
  );
}
