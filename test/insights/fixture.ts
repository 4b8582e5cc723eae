import { vi } from 'vitest';
import type { SpokenLanguage } from '../../src/domain/languages.ts';
import type { Place, PlaceData, PlaceStatus } from '../../src/domain/places/place.ts';
import type { AppContext } from '../../src/usecases/context.ts';
import { createEvent } from '../../src/usecases/events/events.ts';
import type { EventInput } from '../../src/usecases/events/prepare-event.ts';

/** "Now" for the insights fixture: the default period is 2024-07 … 2025-06. */
export const INSIGHTS_NOW = new Date('2025-06-15T10:00:00Z');

/** Storage stamps writes with the real clock: pinning Date alone (no timers) dates each write exactly. */
async function at<T>(iso: string, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

export interface Spec {
  name: string;
  category: string;
  city?: string;
  neighbourhood: string | null;
  languages: SpokenLanguage[];
  /** When it was added and with which status, then each later status change. */
  history: [string, PlaceStatus][];
  homeBased?: boolean;
  /** The month or date the place says it opened. */
  opened?: string;
}

function placeData(spec: Spec, status: PlaceStatus, isDemo = false): PlaceData {
  return {
    names: { ru: spec.name, 'sr-Latn': spec.name },
    originalLocale: 'ru',
    descriptions: {},
    category: spec.category,
    extraCategories: [],
    lon: spec.city === 'novi-sad' ? 19.845 : 20.46,
    lat: spec.city === 'novi-sad' ? 45.255 : 44.815,
    address: spec.homeBased ? 'Kneza Miloša 10' : null,
    city: spec.city ?? 'belgrade',
    neighbourhood: spec.neighbourhood,
    contacts: {},
    hours: null,
    languages: spec.languages,
    tags: [],
    status,
    ...(spec.homeBased ? { homeBased: true } : {}),
    ...(spec.opened ? { opened: spec.opened } : {}),
    isDemo,
    provenance: { source: isDemo ? 'demo' : 'test' },
  };
}

/**
 * Places with known figures (Belgrade, period 2024-07 … 2025-06). Active: A B C E H I J = 7.
 * Opened in the period: A B (2024-08), C (2024-10), D (2025-01), E (2025-02), H (2025-05, when approved),
 * J (2025-06) = 7; I opened before it. Closed: I (2024-09), D (2025-03) = 2.
 * Never counted: F (pending), G (deleted), L (recorded closed, never open), K (Novi Sad), the demo places.
 */
export const REAL_PLACES: Spec[] = [
  {
    name: 'A',
    category: 'cafe',
    neighbourhood: 'dorcol',
    languages: ['ru', 'sr'],
    history: [['2024-08-10T09:00:00Z', 'active']],
  },
  {
    name: 'B',
    category: 'cafe',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [['2024-08-20T09:00:00Z', 'active']],
  },
  {
    name: 'C',
    category: 'restaurant',
    neighbourhood: 'vracar',
    languages: ['ru', 'en'],
    history: [['2024-10-05T09:00:00Z', 'active']],
  },
  {
    name: 'D',
    category: 'doctor',
    neighbourhood: 'vracar',
    languages: ['sr', 'en'],
    history: [
      ['2025-01-12T09:00:00Z', 'active'],
      ['2025-03-03T09:00:00Z', 'closed'],
    ],
  },
  {
    name: 'E',
    category: 'hair-salon',
    neighbourhood: null,
    languages: ['uk', 'ru'],
    history: [['2025-02-01T09:00:00Z', 'active']],
    homeBased: true,
  },
  {
    name: 'F',
    category: 'cafe',
    neighbourhood: 'zemun',
    languages: ['ru'],
    history: [['2025-03-15T09:00:00Z', 'pending']],
  },
  {
    name: 'G',
    category: 'bakery',
    neighbourhood: 'zemun',
    languages: ['sr'],
    history: [
      ['2025-04-01T09:00:00Z', 'active'],
      ['2025-05-01T09:00:00Z', 'deleted'],
    ],
  },
  {
    name: 'H',
    category: 'gym',
    neighbourhood: 'zemun',
    languages: ['en'],
    history: [
      ['2025-04-20T09:00:00Z', 'pending'],
      ['2025-05-10T09:00:00Z', 'active'],
    ],
  },
  {
    name: 'I',
    category: 'cafe',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [
      ['2023-12-01T09:00:00Z', 'active'],
      ['2024-09-15T09:00:00Z', 'closed'],
      ['2025-02-20T09:00:00Z', 'active'],
    ],
  },
  {
    name: 'J',
    category: 'dentist',
    neighbourhood: 'vracar',
    languages: ['ru'],
    history: [['2025-06-02T09:00:00Z', 'active']],
  },
  {
    name: 'K',
    category: 'cafe',
    city: 'novi-sad',
    neighbourhood: 'centar',
    languages: ['ru'],
    history: [['2025-01-05T09:00:00Z', 'active']],
  },
  {
    name: 'L',
    category: 'bookstore',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [['2024-11-11T09:00:00Z', 'closed']],
  },
];

/** Demo places in Belgrade: 2 active cafés in Dorćol serving Russian, 1 closed. Kept no history. */
export const DEMO_PLACES: Spec[] = [
  {
    name: 'Демо 1',
    category: 'cafe',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [['2025-06-01T09:00:00Z', 'active']],
  },
  {
    name: 'Демо 2',
    category: 'cafe',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [['2025-06-01T09:00:00Z', 'active']],
  },
  {
    name: 'Демо 3',
    category: 'bar',
    neighbourhood: 'dorcol',
    languages: ['ru'],
    history: [['2025-06-01T09:00:00Z', 'closed']],
  },
];

export async function addPlaces(ctx: AppContext, specs: Spec[]): Promise<Record<string, Place>> {
  const byName: Record<string, Place> = {};
  for (const spec of specs) {
    const [first, ...changes] = spec.history;
    if (!first) throw new Error(`${spec.name} has no history`);
    const [createdAt, status] = first;
    let place = await at(createdAt, () => ctx.storage.places.insert(placeData(spec, status)));
    for (const [changedAt, next] of changes) {
      const changed = await at(changedAt, () =>
        ctx.storage.places.update(place.id, { ...place, status: next }, { action: 'status', authorId: null }),
      );
      if (changed) place = changed;
    }
    byName[spec.name] = place;
  }
  return byName;
}

export async function addDemoPlaces(ctx: AppContext): Promise<void> {
  for (const spec of DEMO_PLACES) {
    const [createdAt, status] = spec.history[0] ?? ['2025-06-01T09:00:00Z', 'active'];
    await at(createdAt, () => ctx.storage.places.insertMany([placeData(spec, status, true)]));
  }
}

const OPERATOR = { kind: 'operator' } as const;

/**
 * Belgrade's events. In the period: meetup 2024-07 … 2024-10 (one a month), concert 2025-03, language
 * exchange 2025-05 ×5 and 2025-06 ×1 = 11. Left out: June 2024 (before the period), the cancelled concert,
 * Novi Sad's.
 */
export const EVENTS: EventInput[] = [
  {
    titles: { ru: 'Книжный клуб' },
    type: 'meetup',
    start: '2024-07-01T18:00',
    rrule: 'FREQ=MONTHLY;COUNT=4',
    city: 'belgrade',
  },
  { titles: { ru: 'Лекция' }, type: 'lecture', start: '2024-06-20T18:00', city: 'belgrade' },
  { titles: { en: 'Jazz' }, type: 'concert', start: '2025-03-14T20:00', city: 'belgrade' },
  {
    titles: { en: 'Cancelled jazz' },
    type: 'concert',
    start: '2025-04-10T20:00',
    city: 'belgrade',
    status: 'cancelled',
  },
  {
    titles: { ru: 'Языковой обмен' },
    type: 'language-exchange',
    start: '2025-05-02T19:00',
    rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=6',
    city: 'belgrade',
  },
  { titles: { ru: 'Концерт в Нови-Саде' }, type: 'concert', start: '2025-02-01T20:00', city: 'novi-sad' },
];

export async function addEvents(ctx: AppContext, events: EventInput[] = EVENTS): Promise<void> {
  for (const input of events) await createEvent(ctx, OPERATOR, input);
}

const BUSY_CATEGORIES = ['cafe', 'restaurant', 'kindergarten', 'hair-salon', 'doctor', 'translation', 'gym'];
const BUSY_HOODS = ['dorcol', 'vracar', 'novi-beograd', 'zemun', 'stari-grad', null];
const BUSY_LANGUAGES: SpokenLanguage[][] = [['ru'], ['ru', 'sr'], ['ru', 'en'], ['uk', 'ru'], ['sr', 'en']];
const BUSY_NAMES = [
  'Пекарня «Зерно»',
  'Кафе «Лиса»',
  'Студия «Ритм»',
  'Детский клуб «Сова»',
  'Бюро переводов «Слово»',
];

/** More places, spread over the period, so that the page in a browser looks like a living city's. */
export function busyPlaces(count: number): Spec[] {
  return Array.from({ length: count }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, '0');
    const year = i % 12 < 6 ? '2025' : '2024';
    const opened = `${year}-${month}-${String((i % 27) + 1).padStart(2, '0')}T09:00:00Z`;
    const closedAt = new Date(Date.parse(opened) + 45 * 86_400_000).toISOString();
    const closes = i % 9 === 4 && closedAt < INSIGHTS_NOW.toISOString();
    return {
      name: `${BUSY_NAMES[i % BUSY_NAMES.length]} ${i + 1}`,
      category: BUSY_CATEGORIES[(i * 5) % BUSY_CATEGORIES.length] ?? 'cafe',
      neighbourhood: BUSY_HOODS[(i * 7) % BUSY_HOODS.length] ?? null,
      languages: BUSY_LANGUAGES[i % BUSY_LANGUAGES.length] ?? ['ru'],
      history: closes
        ? [
            [opened, 'active'],
            [closedAt, 'closed'],
          ]
        : [[opened, 'active']],
    };
  });
}
