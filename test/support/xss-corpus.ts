import { readFileSync } from 'node:fs';
import { preparePlace } from '../../src/usecases/prepare-place.ts';
import type { ShownPlace } from './place-pages.ts';
import { ADMIN_TOKEN, type TestServer } from './server.ts';

/** The XSS corpus, and how its payloads are stored in places: through the API, and past its checks. */

/** One payload a line; "# " starts a comment. Lines are not trimmed: leading spaces are part of some payloads. */
export const PAYLOADS = readFileSync('test/fixtures/xss-payloads.txt', 'utf8')
  .split('\n')
  .map((line) => line.replace(/\r$/, ''))
  .filter((line) => line !== '' && !line.startsWith('# '));

/** Every stored place carries this tag: the home page's text search finds them all by it. */
export const CORPUS_TAG = 'xsscorpus';
/** Places made through the API stand here; the ones stored past validation a little apart. */
const API_SPOT = { lon: 20.46, lat: 44.81 };
const STORED_SPOT = { lon: 20.47, lat: 44.8 };

/**
 * A place field and the values tried in it, in order: the payload as it is, then (some fields) wrapped in a
 * valid value; when all are refused, the fallback (without the payload) or nothing.
 */
interface FieldTry {
  field: string;
  values: (payload: string) => unknown[];
  fallback?: (n: number) => unknown;
}

const FIELD_TRIES: FieldTry[] = [
  {
    field: 'names',
    values: (p) => [{ en: p, 'sr-Latn': p, ru: `ru ${p}`, uk: `uk ${p}` }],
    fallback: (n) => ({ en: `Payload ${n}` }),
  },
  {
    field: 'descriptions',
    values: (p) => [
      {
        en: p,
        ru: `**${p}**\n\n- ${p}\n- [${p}](https://example.org/)`,
        'sr-Latn': `${p}\n${p}`,
        uk: `# ${p}`,
      },
    ],
  },
  { field: 'address', values: (p) => [p] },
  { field: 'tags', values: (p) => [[p, CORPUS_TAG]], fallback: () => [CORPUS_TAG] },
  { field: 'hours', values: (p) => [p, `Mo-Su 08:00-20:00 "${p}"`] },
  { field: 'contacts.phone', values: (p) => [p] },
  { field: 'contacts.website', values: (p) => [p, `https://example.org/${p}`] },
  { field: 'contacts.telegram', values: (p) => [p] },
  { field: 'contacts.instagram', values: (p) => [p] },
  { field: 'contacts.email', values: (p) => [p, `${p}@example.org`] },
];

/** How a field took the payloads: as they are, only wrapped in a valid value, or not at all. */
export type Outcome = 'raw' | 'wrapped' | 'refused';

export interface StoredPlace extends ShownPlace {
  id: number;
  payload: string;
  names: Record<string, string>;
  descriptions: Record<string, string>;
}

function body(tries: Map<string, unknown>, lon: number, lat: number): Record<string, unknown> {
  const out: Record<string, unknown> = { category: 'cafe', lon, lat, languages: ['en'] };
  const contacts: Record<string, unknown> = {};
  for (const [field, value] of tries) {
    if (field.startsWith('contacts.')) contacts[field.slice('contacts.'.length)] = value;
    else out[field] = value;
  }
  return { ...out, contacts };
}

/**
 * Stores the payload through `POST /api/v1/places` in every field at once; a field the API refuses (the
 * answer names it) gets its next value, or is left out, until the place is stored.
 */
export async function storeThroughApi(
  server: TestServer,
  payload: string,
  n: number,
): Promise<{ place: StoredPlace; outcomes: Map<string, Outcome> }> {
  const attempt = new Map(FIELD_TRIES.map((t) => [t.field, 0]));
  for (let round = 0; round <= 3 * FIELD_TRIES.length; round++) {
    const tries = new Map<string, unknown>();
    for (const t of FIELD_TRIES) {
      const values = t.values(payload);
      const index = attempt.get(t.field) ?? 0;
      if (index < values.length) tries.set(t.field, values[index]);
      else if (index === values.length && t.fallback) tries.set(t.field, t.fallback(n));
    }
    const response = await fetch(`${server.url}/api/v1/places`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(body(tries, API_SPOT.lon, API_SPOT.lat)),
    });
    const answer = (await response.json()) as {
      field?: string;
      message?: string;
      properties?: {
        id: number;
        url: string;
        names: Record<string, string>;
        descriptions: Record<string, string>;
      };
    };
    if (response.status === 201 && answer.properties) {
      const outcomes = new Map<string, Outcome>();
      for (const t of FIELD_TRIES) {
        const index = attempt.get(t.field) ?? 0;
        outcomes.set(t.field, index === 0 ? 'raw' : index < t.values(payload).length ? 'wrapped' : 'refused');
      }
      const { id, url, names, descriptions } = answer.properties;
      return {
        place: { id, url, names, descriptions, payload, ...API_SPOT, searchWord: CORPUS_TAG },
        outcomes,
      };
    }
    const refused = FIELD_TRIES.find(
      (t) => answer.field === t.field || answer.field?.startsWith(`${t.field}.`),
    );
    if (response.status !== 400 || !refused) {
      throw new Error(`payload ${n}: ${response.status} ${JSON.stringify(answer)}`);
    }
    attempt.set(refused.field, (attempt.get(refused.field) ?? 0) + 1);
  }
  throw new Error(`payload ${n} was never stored`);
}

/**
 * Contacts and hours as an older version or a hand-edited database could hold them, past the API's checks:
 * the pages must be safe on their own. Each payload goes into one contact field of one of these places.
 */
export async function storePastValidation(server: TestServer): Promise<StoredPlace[]> {
  const fields = ['website', 'telegram', 'instagram', 'email', 'phone'] as const;
  const places: StoredPlace[] = [];
  for (let k = 0; k * fields.length < PAYLOADS.length; k++) {
    const data = preparePlace(
      {
        names: { en: `Stored directly ${k + 1}` },
        descriptions: { en: PAYLOADS[k] ?? '' },
        category: 'cafe',
        ...STORED_SPOT,
        tags: [CORPUS_TAG],
      },
      server.ctx.taxonomy,
    );
    const contacts = Object.fromEntries(fields.map((f, j) => [f, PAYLOADS[k * fields.length + j] ?? 'x']));
    const stored = await server.ctx.storage.places.insert({
      ...data,
      contacts,
      hours: PAYLOADS[k] ?? null,
      address: PAYLOADS[k] ?? null,
    });
    const response = await fetch(`${server.url}/api/v1/places/${stored.id}`);
    const { properties } = (await response.json()) as { properties: { url: string } };
    places.push({
      id: stored.id,
      url: properties.url,
      names: stored.names as Record<string, string>,
      descriptions: stored.descriptions as Record<string, string>,
      payload: `contacts ${k + 1}`,
      ...STORED_SPOT,
      searchWord: CORPUS_TAG,
    });
  }
  return places;
}
