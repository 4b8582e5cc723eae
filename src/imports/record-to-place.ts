import { InputError } from '../domain/errors.ts';
import { isSpokenLanguage } from '../domain/languages.ts';
import type { Locale } from '../domain/locales.ts';
import type { PlaceData } from '../domain/places/place.ts';
import { type CategoryIntent, firstCategoryIn } from '../search/category-intent.ts';
import { type PlaceInput, preparePlace } from '../usecases/prepare-place.ts';
import type { Taxonomy } from '../usecases/taxonomy.ts';
import { canonicalField } from './field-aliases.ts';
import { categoryFromOsmTags } from './osm-categories.ts';
import type { ImportRecord } from './record.ts';

/** What turns a file's records into places: the taxonomy, the operator's category choices, the source. */
export interface MappingRules {
  taxonomy: Taxonomy;
  intent: CategoryIntent;
  /** Layer name, category text or OSM `key=value` → category slug, or `skip` to leave those records out. */
  categoryMap: ReadonlyMap<string, string>;
  defaultCategory?: string;
  /** `import:<file name>`: recorded as the places' provenance. */
  source: string;
  /** Fields no rule reads are kept as "Field: value" lines of the description (My Maps, spreadsheets). */
  keepUnknownFields: boolean;
}

export type MappedRecord =
  | { kind: 'place'; data: PlaceData; warnings: string[] }
  | { kind: 'excluded'; reason: string };

export const SKIP_CATEGORY = 'skip';

// Optional fields an import drops (with a warning) rather than reject the whole place for.
const DROPPABLE = /^(contacts\.|hours$|languages$|tags$|address$|neighbourhood$|extra_categories$|opened$)/;
// Fields read by some rule below, besides the canonical ones; everything else is "unknown".
// Kvartal's own export columns (see exports/open-record.ts) are read or deliberately ignored, never "unknown".
const READ_KEYS = new Set([
  'original_locale',
  'extra_categories',
  'kvartal:url',
  'updated_at',
  'category_name',
  'license',
  'id',
  'kml:style',
]);
const READ_PREFIXES = ['name:', 'description:', 'addr:', 'language:', 'contact:'];
const DROPPED_KEYS = new Set(['gx_media_links']);

/** The place a record describes, validated like any other write; an InputError names the field. */
export function recordToPlace(record: ImportRecord, rules: MappingRules): MappedRecord {
  if (record.geometry.kind !== 'point') throw new InputError('geometry', 'is not a point');
  const fields = canonicalFields(record.fields);
  const category = resolveCategory(record, fields, rules);
  if (category === SKIP_CATEGORY) return { kind: 'excluded', reason: 'category map says skip' };
  const input: PlaceInput = {
    names: localized(fields, 'name'),
    descriptions: localized(fields, 'description'),
    category,
    extra_categories: list(fields.extra_categories),
    lon: record.geometry.lon,
    lat: record.geometry.lat,
    address: fields.address ?? streetAddress(fields),
    city: resolveCity(fields.city, rules.taxonomy),
    neighbourhood: resolveNeighbourhood(fields.neighbourhood, rules.taxonomy),
    contacts: contacts(fields),
    hours: fields.opening_hours,
    languages: languages(fields),
    // A My Maps layer is kept as a tag (the category mapping may be coarser than the layers); a record that
    // names its category itself (Kvartal's own KML) uses folders only to group.
    home_based: yes(fields.home_based),
    locals_welcome: yes(fields.locals_welcome),
    opened: fields.start_date,
    tags: [
      ...list(fields.tags),
      ...(record.layer && !fields.category ? [record.layer.slice(0, 60).trim()] : []),
    ],
  };
  // The untagged name is the one the place calls itself: its locale is the original one.
  const original =
    fields.original_locale ?? (fields.name ? localeOf(input.names ?? {}, fields.name) : undefined);
  if (original) input.original_locale = original;
  const warnings: string[] = [];
  if (record.fields.gx_media_links) warnings.push('photos (gx_media_links) are not imported');
  if (rules.keepUnknownFields) appendUnknownFields(record.fields, input);

  const provenance = {
    source: rules.source,
    ...(record.sourceId ? { sourceId: record.sourceId } : {}),
    ...(record.layer ? { layer: record.layer } : {}),
  };
  // A bad phone or hours string should not cost the community the whole place: drop it and say so.
  for (let attempt = 0; ; attempt++) {
    try {
      return { kind: 'place', data: preparePlace(input, rules.taxonomy, { provenance }), warnings };
    } catch (error) {
      if (!(error instanceof InputError) || !DROPPABLE.test(error.field) || attempt > 12) throw error;
      warnings.push(`${error.field} dropped: ${error.problem}`);
      drop(input, error.field);
    }
  }
}

function canonicalFields(raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const text = value.trim();
    if (!text) continue;
    const canonical = canonicalField(key) ?? key;
    // The first spelling wins (`phone` over `contact:phone` when both are there).
    if (out[canonical] === undefined) out[canonical] = text;
  }
  return out;
}

function resolveCategory(record: ImportRecord, fields: Record<string, string>, rules: MappingRules): string {
  const { categoryMap, taxonomy } = rules;
  const mapped = (key: string | undefined) =>
    key === undefined
      ? undefined
      : (categoryMap.get(key.trim()) ?? categoryMap.get(key.trim().toLowerCase()));
  const text = fields.category;
  if (text) {
    const byMap = mapped(text);
    if (byMap) return byMap;
    const slug = text.toLowerCase();
    if (taxonomy.category(slug)?.parent) return slug;
    const guessed = firstCategoryIn(rules.intent, text);
    if (guessed) return guessed;
  }
  for (const [key, value] of Object.entries(fields)) {
    const byTag = mapped(`${key}=${value}`) ?? mapped(`${key}=*`);
    if (byTag) return byTag;
  }
  const osm = categoryFromOsmTags(fields);
  if (osm) return osm;
  if (record.layer) {
    const byLayer = mapped(record.layer) ?? firstCategoryIn(rules.intent, record.layer);
    if (byLayer) return byLayer;
  }
  if (rules.defaultCategory) return rules.defaultCategory;
  const what = text ? `category "${text}"` : record.layer ? `layer "${record.layer}"` : 'this record';
  throw new InputError(
    'category',
    `${what} matches no category; map it to one in the category map, or set a default category`,
  );
}

const NAME_LOCALES: Record<string, Locale> = {
  ru: 'ru',
  uk: 'uk',
  en: 'en',
  'sr-Latn': 'sr-Latn',
  'sr-Cyrl': 'sr-Cyrl',
};

/** `name`, `name:ru`, `name:sr`… as localized text; the untagged value goes to the locale its letters suggest. */
function localized(fields: Record<string, string>, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!field.startsWith(`${key}:`)) continue;
    const tag = field.slice(key.length + 1);
    const locale = tag === 'sr' ? scriptLocale(value, 'sr') : NAME_LOCALES[tag];
    if (locale && out[locale] === undefined) out[locale] = value;
  }
  const plain = fields[key];
  if (plain && !Object.values(out).includes(plain)) {
    const locale = scriptLocale(plain);
    if (out[locale] === undefined) out[locale] = plain;
  }
  return out;
}

/**
 * The locale a text's letters point to: Ukrainian letters → uk; Serbian Cyrillic letters (or a `sr` tag) →
 * sr-Cyrl; other Cyrillic → ru; Serbian Latin diacritics (or a `sr` tag) → sr-Latn; other Latin → en, which
 * no locale transliterates (a name like "Coffee Dream" must not be spelled in Cyrillic).
 */
export function scriptLocale(text: string, hint?: 'sr'): Locale {
  if (/[\u0400-\u04ff]/.test(text)) {
    if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
    if (hint === 'sr' || /[ђћљњџјЂЋЉЊЏЈ]/.test(text)) return 'sr-Cyrl';
    return 'ru';
  }
  if (hint === 'sr' || /[čćšžđČĆŠŽĐ]/.test(text)) return 'sr-Latn';
  return 'en';
}

function localeOf(names: Record<string, string>, name: string): string | undefined {
  return Object.entries(names).find(([, value]) => value === name)?.[0];
}

function streetAddress(fields: Record<string, string>): string | undefined {
  const street = fields['addr:street'];
  if (!street) return undefined;
  return [street, fields['addr:housenumber']].filter(Boolean).join(' ');
}

function resolveCity(value: string | undefined, taxonomy: Taxonomy): string | undefined {
  if (!value) return undefined;
  const wanted = value.trim().toLowerCase();
  if (taxonomy.city(wanted)) return wanted;
  const byName = taxonomy.cities.find((c) => Object.values(c.names).some((n) => n?.toLowerCase() === wanted));
  // An unknown city name is not an error: the coordinates decide.
  return byName?.slug;
}

function resolveNeighbourhood(value: string | undefined, taxonomy: Taxonomy): string | undefined {
  if (!value) return undefined;
  const wanted = value.trim().toLowerCase();
  if (taxonomy.neighbourhood(wanted)) return wanted;
  for (const city of taxonomy.cities) {
    const found = city.neighbourhoods.find((n) =>
      Object.values(n.names).some((name) => name?.toLowerCase() === wanted),
    );
    if (found) return found.slug;
  }
  return undefined;
}

function contacts(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const phone = fields.phone?.split(/[;,]/)[0]?.trim();
  if (phone) out.phone = phone;
  const website = fields.website?.split(/\s*;\s*/)[0];
  if (website) out.website = /^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`;
  const email = fields.email?.replace(/^mailto:/i, '');
  if (email) out.email = email;
  const telegram = handle(fields['contact:telegram'], /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([^/?#]+)/i);
  if (telegram) out.telegram = telegram;
  const instagram = handle(
    fields['contact:instagram'],
    /^(?:https?:\/\/)?(?:www\.)?instagram\.com\/([^/?#]+)/i,
  );
  if (instagram) out.instagram = instagram;
  return out;
}

function handle(value: string | undefined, url: RegExp): string | undefined {
  if (!value) return undefined;
  return value.match(url)?.[1] ?? value;
}

function languages(fields: Record<string, string>): string[] {
  const codes = new Set(list(fields.languages).map((c) => c.toLowerCase()));
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith('language:') && value === 'yes') codes.add(key.slice('language:'.length));
  }
  // Codes Kvartal does not know are left out by preparePlace's check only if the field is dropped whole;
  // filtering here keeps the known ones.
  return [...codes].filter(isSpokenLanguage);
}

/** OSM-style yes, and what spreadsheets say for it. */
function yes(value: string | undefined): boolean {
  return (
    value !== undefined && ['yes', 'true', '1', 'да', 'da', 'так', 'x'].includes(value.trim().toLowerCase())
  );
}

function list(value: string | undefined): string[] {
  return value
    ? value
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

function appendUnknownFields(raw: Readonly<Record<string, string>>, input: PlaceInput): void {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const text = value.trim();
    if (!text || DROPPED_KEYS.has(key) || READ_KEYS.has(key)) continue;
    if (canonicalField(key) || READ_PREFIXES.some((p) => key.startsWith(p))) continue;
    if (categoryFromOsmTags({ [key]: text })) continue;
    lines.push(`${key}: ${text}`);
  }
  if (lines.length === 0) return;
  const descriptions = { ...(input.descriptions ?? {}) };
  const locale = (Object.keys(descriptions)[0] ?? scriptLocale(lines.join(' '))) as Locale;
  descriptions[locale] = [descriptions[locale], lines.join('\n')].filter(Boolean).join('\n\n');
  input.descriptions = descriptions;
}

function drop(input: PlaceInput, field: string): void {
  const [head, key] = field.split('.');
  if (head === 'contacts' && key && input.contacts) {
    const { [key]: _dropped, ...rest } = input.contacts;
    input.contacts = rest;
    return;
  }
  const record = input as Record<string, unknown>;
  if (head) record[head] = undefined;
}
