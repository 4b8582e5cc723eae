/**
 * What people call a column or a My Maps data field, in the five locales and in OSM, mapped to the key
 * Kvartal reads (OSM-style). Data, not code: add a spelling here and every format understands it.
 * Keys are compared after `aliasKey` (lower case, no diacritics, spaces/underscores/dashes dropped).
 */
const ALIASES: Record<string, readonly string[]> = {
  name: ['name', 'title', 'название', 'имя', 'naziv', 'ime', 'назив', 'назва', 'place', 'место'],
  description: ['description', 'desc', 'описание', 'opis', 'опис', 'notes', 'заметки', 'komentar', 'comment'],
  category: ['category', 'категория', 'kategorija', 'категорија', 'категорія', 'type', 'тип'],
  address: ['address', 'addr', 'addr:full', 'адрес', 'adresa', 'адреса'],
  city: ['city', 'город', 'grad', 'град', 'місто', 'addr:city'],
  neighbourhood: ['neighbourhood', 'neighborhood', 'район', 'naselje', 'насеље', 'opština', 'kvart'],
  phone: ['phone', 'contact:phone', 'tel', 'telephone', 'телефон', 'telefon', 'тел', 'mobile'],
  website: ['website', 'contact:website', 'url', 'site', 'сайт', 'sajt', 'веб', 'web', 'вебсайт'],
  email: ['email', 'contact:email', 'e-mail', 'mail', 'почта', 'електронна пошта', 'imejl', 'pošta'],
  'contact:telegram': ['telegram', 'contact:telegram', 'телеграм', 'tg'],
  'contact:instagram': ['instagram', 'contact:instagram', 'инстаграм', 'insta'],
  opening_hours: [
    'opening_hours',
    'hours',
    'open',
    'часы работы',
    'часы',
    'режим работы',
    'radno vreme',
    'радно време',
    'години роботи',
  ],
  languages: ['languages', 'языки', 'jezici', 'језици', 'мови', 'language'],
  home_based: ['home_based', 'home based', 'на дому', 'kod kuće', 'вдома', 'homebased'],
  locals_welcome: [
    'locals_welcome',
    'locals welcome',
    'рады местным',
    'dobrodošli meštani',
    'добродошли мештани',
    'раді місцевим',
  ],
  // Not "otvoreno"/"отворено": in Serbian tables that heads the opening hours as often as the opening date.
  start_date: ['start_date', 'opened', 'открылось', 'дата открытия', 'datum otvaranja', 'відкрилося'],
  tags: ['tags', 'теги', 'тэги', 'tagovi', 'ознаке', 'теги'],
  lat: ['lat', 'latitude', 'y', 'широта', 'širina', 'geografska širina', 'ширина', 'широта', 'шир'],
  lon: [
    'lon',
    'lng',
    'long',
    'longitude',
    'x',
    'долгота',
    'dužina',
    'geografska dužina',
    'дужина',
    'довгота',
  ],
  coordinates: [
    'coordinates',
    'coords',
    'latlon',
    'lat,lon',
    'lat, lon',
    'координаты',
    'koordinate',
    'координате',
    'координати',
    'location',
    'gps',
  ],
};

/** How a header or field name is compared: case, diacritics, spaces, dashes and underscores do not matter. */
export function aliasKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_\-.]+/g, '');
}

const CANONICAL = new Map<string, string>();
for (const [key, aliases] of Object.entries(ALIASES)) {
  for (const alias of [key, ...aliases]) CANONICAL.set(aliasKey(alias), key);
}

// Every record of a file repeats the same few field names; folding them each time was a tenth of mapping one.
const RESOLVED_LIMIT = 10_000;
const resolved = new Map<string, string | undefined>();

/** The Kvartal key a header or field name stands for, or undefined when it is none of the known ones. */
export function canonicalField(header: string): string | undefined {
  if (resolved.has(header)) return resolved.get(header);
  const canonical = CANONICAL.get(aliasKey(header));
  if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
  resolved.set(header, canonical);
  return canonical;
}
