import type { SpokenLanguage } from '../domain/languages.ts';
import type { Locale } from '../domain/locales.ts';
import { type Contacts, type PlaceData, slugify } from '../domain/places/place.ts';
import { SEED_CATEGORIES } from '../domain/taxonomy/categories-data.ts';
import { SEED_CITIES } from '../domain/taxonomy/cities-data.ts';
import { neighbourhoodOf } from '../domain/taxonomy/neighbourhood-of.ts';
import type { Neighbourhood } from '../domain/taxonomy.ts';
import {
  CITY_SHARE,
  DEMO_HOURS,
  HOOD_WEIGHT,
  KITS,
  LANGUAGE_NAMES,
  PHONE_OPERATORS,
  STREETS,
  TAG_SEPARATOR,
} from './word-lists.ts';

export { DEMO_HOURS };

export const DEMO_PLACE_COUNT = 400;

type Pair = readonly [ru: string, sr: string];
interface PreparedKit {
  category: string;
  siblings: string[];
  kinds: { ru: string; sr: string; en: string; slug: string }[];
  names: { ru: string; sr: string; slug: string; handle: string }[];
  about: Pair[];
  hours: string[];
  tags: string[];
  quote: boolean;
}
interface PreparedHood {
  hood: Neighbourhood;
  cumulative: number;
  sigmaM: number;
  streets: string[];
  cityTag: string;
}

const split = (list: string, separator = '; ') => list.split(separator);
const pair = (item: string): Pair => {
  const [ru = '', sr = ''] = item.split('|');
  return [ru, sr];
};

function prepareKits(): Map<string, PreparedKit> {
  const kits = new Map<string, PreparedKit>();
  for (const category of SEED_CATEGORIES) {
    if (category.parent === null) continue;
    const kit = KITS[category.slug];
    if (!kit)
      throw new Error(`Demo generator has no word list for category "${category.slug}": add it to KITS`);
    kits.set(category.slug, {
      category: category.slug,
      siblings: SEED_CATEGORIES.filter((c) => c.parent === category.parent && c.slug !== category.slug).map(
        (c) => c.slug,
      ),
      kinds: split(kit.kinds).map((item) => {
        const [ru = '', sr = '', en = ''] = item.split('|');
        return { ru, sr, en, slug: slugify(sr) };
      }),
      names: split(kit.names).map((item) => {
        const [ru, sr] = pair(item);
        const slug = slugify(sr);
        return { ru, sr, slug, handle: slug.replaceAll('-', '_') };
      }),
      about: split(kit.about).map(pair),
      hours: kit.hours.map((index) => {
        const hours = DEMO_HOURS[index];
        if (hours === undefined)
          throw new Error(`KITS["${category.slug}"] names DEMO_HOURS[${index}], which does not exist`);
        return hours;
      }),
      tags: split(kit.tags, TAG_SEPARATOR),
      quote: kit.quote !== false,
    });
  }
  return kits;
}

function prepareHoods(): PreparedHood[] {
  const hoods: PreparedHood[] = [];
  let total = 0;
  for (const city of SEED_CITIES) {
    const share = CITY_SHARE[city.slug] ?? 0.05;
    const cityWeight = city.neighbourhoods.reduce((sum, h) => sum + (HOOD_WEIGHT[h.slug] ?? 1), 0);
    for (const hood of city.neighbourhoods) {
      // Scatter stays well inside the hood's own cell: about half the way to the nearest other centre.
      let nearestM = Number.POSITIVE_INFINITY;
      for (const other of city.neighbourhoods) {
        if (other !== hood) nearestM = Math.min(nearestM, metres(hood.centre, other.centre));
      }
      total += (share * (HOOD_WEIGHT[hood.slug] ?? 1)) / cityWeight;
      hoods.push({
        hood,
        cumulative: total,
        sigmaM: Math.min(900, Math.max(350, nearestM * 0.55)),
        streets: split(STREETS[hood.slug] ?? 'Glavna'),
        cityTag: city.slug === 'belgrade' ? 'bg' : city.slug === 'novi-sad' ? 'ns' : city.slug.slice(0, 2),
      });
    }
  }
  for (const h of hoods) h.cumulative /= total;
  return hoods;
}

function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const dx = (a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  const dy = (a[1] - b[1]) * 110_574;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Categories in proportion to their weight, so a cycle of them holds every category at least once. */
function schedule(kits: Map<string, PreparedKit>): PreparedKit[] {
  const cycle: PreparedKit[] = [];
  for (const [slug, kit] of kits) for (let i = 0; i < (KITS[slug]?.weight ?? 1); i++) cycle.push(kit);
  return cycle;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for demo data, not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let prepared: { kits: PreparedKit[]; hoods: PreparedHood[]; notes: Map<number, Pair> } | undefined;
function prepare() {
  prepared ??= { kits: schedule(prepareKits()), hoods: prepareHoods(), notes: new Map() };
  return prepared;
}

/**
 * Deterministic demo places: the same seed always gives the same sequence, and the first N of a longer run
 * equal a run of N. Categories come in shuffled cycles, so every category appears in every ~50 places.
 */
export function* generateDemoPlaces(count: number, seed = 42): Generator<PlaceData> {
  const { kits: cycle, hoods, notes } = prepare();
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const order = cycle.slice();

  for (let n = 0; n < count; n++) {
    const slot = n % order.length;
    if (slot === 0) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as PreparedKit, order[i] as PreparedKit];
      }
    }
    const kit = order[slot] as PreparedKit;

    const r = random();
    const place = hoods.find((h) => r < h.cumulative) ?? (hoods[hoods.length - 1] as PreparedHood);
    const { hood } = place;
    const [lon, lat] = scatter(random, place);

    const kind = pick(kit.kinds);
    const fromHood = kit.quote && random() < 0.12;
    const body = fromHood ? null : pick(kit.names);
    const bodyRu = body ? body.ru : (hood.names.ru ?? hood.slug);
    const bodySr = body ? body.sr : (hood.names['sr-Latn'] ?? hood.slug);
    const quoted = kit.quote && random() < 0.5;
    const names: PlaceData['names'] = {
      ru: quoted ? `${kind.ru} «${bodyRu}»` : `${kind.ru} ${bodyRu}`,
      'sr-Latn': quoted ? `${kind.sr} „${bodySr}“` : `${kind.sr} ${bodySr}`,
    };
    if (kit.quote && random() < 0.3) names.en = `${kind.en} ${bodySr}`;
    const originalLocale: Locale = random() < 0.25 ? 'sr-Latn' : 'ru';

    const languages: SpokenLanguage[] = [];
    if (random() < 0.96) languages.push('ru');
    if (random() < 0.55 || originalLocale === 'sr-Latn' || languages.length === 0) languages.push('sr');
    if (random() < 0.35) languages.push('en');
    if (random() < 0.12) languages.push('uk');

    const about = pick(kit.about);
    const note = languageNote(notes, languages);
    const hoodLine = random() < 0.2;
    const descriptions: PlaceData['descriptions'] = {
      ru: `${about[0]}. ${note[0]}${hoodLine ? ` Район: ${hood.names.ru}.` : ''}`,
      'sr-Latn': `${about[1]}. ${note[1]}${hoodLine ? ` Naselje: ${hood.names['sr-Latn']}.` : ''}`,
    };

    const domainName = `${kind.slug}-${body ? body.slug : hood.slug}`;
    const handle = `${body ? body.handle : hood.slug.replaceAll('-', '_')}_${place.cityTag}`;
    const contacts: Contacts = {};
    if (random() < 0.85) contacts.phone = phone(random);
    // Reserved `.example` names only (RFC 2606): demo data must never point at somebody's real site.
    if (random() < 0.45) contacts.website = `https://${domainName}.rs.example`;
    if (random() < 0.4) contacts.telegram = `@${handle}`;
    if (random() < 0.55) contacts.instagram = `@${handle.replaceAll('_', '.')}`;
    if (random() < 0.15) contacts.email = `info@${domainName}.rs.example`;

    const tagCount = Math.min(kit.tags.length, 1 + Math.floor(random() * 3));
    const tagStart = Math.floor(random() * kit.tags.length);
    const tags: string[] = [];
    for (let i = 0; i < tagCount; i++) tags.push(kit.tags[(tagStart + i) % kit.tags.length] as string);

    const hours = random() < 0.1 ? null : pick(kit.hours);
    const houseNumber = 1 + Math.floor(random() * 90);
    const address =
      kit.category === 'handyman' // a home-based service: never a home address
        ? null
        : `${pick(place.streets)} ${houseNumber}${random() < 0.08 ? 'a' : ''}`;
    const status = random() < 0.03 ? 'closed' : 'active';
    const extraCategories = random() < 0.05 && kit.siblings.length > 0 ? [pick(kit.siblings)] : [];

    yield {
      names,
      originalLocale,
      descriptions,
      category: kit.category,
      extraCategories,
      lon,
      lat,
      address,
      city: hood.city,
      neighbourhood: hood.slug,
      contacts,
      hours,
      languages,
      tags,
      status,
      // Handymen work from home: the map shows them only approximately (see approximate-position.ts).
      ...(kit.category === 'handyman' ? { homeBased: true } : {}),
      // Derived from the counter, not drawn: another draw would change every later place of the sequence.
      ...(languages.includes('sr') && n % 3 === 0 ? { localsWelcome: true } : {}),
      ...(n % 4 === 1 ? { opened: demoOpened(n) } : {}),
      isDemo: true,
      provenance: { source: 'demo', sourceId: `demo/${n + 1}` },
    };
  }
}

/** A month from March 2022 (when the community began to arrive) to October 2025, spread by the counter. */
function demoOpened(n: number): string {
  const index = 2022 * 12 + 2 + ((n * 7) % 44);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A gaussian offset from the centre, redrawn until it falls in the same city and neighbourhood. */
function scatter(random: () => number, place: PreparedHood): [number, number] {
  const [cLon, cLat] = place.hood.centre;
  const metresPerLon = 111_320 * Math.cos((cLat * Math.PI) / 180);
  for (let attempt = 0; attempt < 6; attempt++) {
    const radius = Math.sqrt(-2 * Math.log(1 - random())) * place.sigmaM;
    const angle = 2 * Math.PI * random();
    const lon = Math.round((cLon + (radius * Math.cos(angle)) / metresPerLon) * 1e6) / 1e6;
    const lat = Math.round((cLat + (radius * Math.sin(angle)) / 110_574) * 1e6) / 1e6;
    if (neighbourhoodOf(SEED_CITIES, lon, lat)?.neighbourhood === place.hood.slug) return [lon, lat];
  }
  return [cLon, cLat];
}

function phone(random: () => number): string {
  const operator = PHONE_OPERATORS[Math.floor(random() * PHONE_OPERATORS.length)] ?? '4';
  const a = String(Math.floor(random() * 1000)).padStart(3, '0');
  const b = String(Math.floor(random() * 10000)).padStart(4, '0');
  return `+381 6${operator} ${a} ${b}`;
}

/** "Говорим по-русски и по-сербски." and its Serbian twin, built once per language combination. */
function languageNote(cache: Map<number, Pair>, languages: readonly SpokenLanguage[]): Pair {
  let key = 0;
  for (const code of languages)
    key = key * 8 + (code === 'ru' ? 1 : code === 'sr' ? 2 : code === 'en' ? 3 : 4);
  let note = cache.get(key);
  if (!note) {
    const words = languages.map((code) => LANGUAGE_NAMES[code as keyof typeof LANGUAGE_NAMES]);
    const join = (list: string[], and: string) =>
      list.length < 2 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`;
    note = [
      `Говорим ${join(
        words.map((w) => w[0]),
        'и',
      )}.`,
      `Govorimo ${join(
        words.map((w) => w[1]),
        'i',
      )}.`,
    ];
    cache.set(key, note);
  }
  return note;
}
