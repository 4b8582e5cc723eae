import type { EventData } from '../domain/events/event.ts';

const day = (from: Date, add: number) => {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + add));
  return d.toISOString().slice(0, 10);
};
const nextWeekday = (from: Date, weekday: number) => (weekday - from.getUTCDay() + 7) % 7 || 7;

function demo(event: Partial<EventData> & Pick<EventData, 'titles' | 'type' | 'start' | 'city'>): EventData {
  return {
    descriptions: {},
    originalLocale: 'ru',
    end: null,
    allDay: false,
    timeZone: 'Europe/Belgrade',
    rrule: null,
    exdates: [],
    placeId: null,
    address: null,
    lon: null,
    lat: null,
    languages: ['ru'],
    localsWelcome: false,
    bilingual: false,
    free: false,
    price: null,
    minAge: null,
    organiserUrl: null,
    status: 'scheduled',
    isDemo: true,
    ...event,
  };
}

/** Made-up events around `now`, so a new instance shows what the events pages do. */
export function demoEvents(now: Date): EventData[] {
  const thursday = day(now, nextWeekday(now, 4));
  const saturday = day(now, nextWeekday(now, 6));
  const sunday = day(now, nextWeekday(now, 0));
  return [
    demo({
      titles: {
        ru: 'Языковой обмен: русский и сербский',
        'sr-Latn': 'Razmena jezika: ruski i srpski',
        en: 'Language exchange: Russian and Serbian',
      },
      descriptions: {
        ru: 'Полчаса по-русски, полчаса по-сербски. Приходите с друзьями — **местным очень рады**.',
        'sr-Latn':
          'Pola sata na ruskom, pola sata na srpskom. Dođite s prijateljima — **meštani su dobrodošli**.',
      },
      type: 'language-exchange',
      start: `${thursday}T19:00`,
      end: `${thursday}T21:00`,
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      city: 'belgrade',
      address: 'Cetinjska 15, Beograd',
      lon: 20.4689,
      lat: 44.8156,
      languages: ['ru', 'sr'],
      localsWelcome: true,
      bilingual: true,
      free: true,
    }),
    demo({
      titles: { ru: 'Стендап-вечер', 'sr-Latn': 'Stendap veče', en: 'Stand-up night' },
      type: 'comedy',
      start: `${saturday}T20:00`,
      end: `${saturday}T22:00`,
      rrule: 'FREQ=MONTHLY;BYDAY=1SA',
      city: 'belgrade',
      address: 'Dorćol Platz, Dobračina 59b',
      lon: 20.4642,
      lat: 44.8217,
      price: '1000 RSD',
      minAge: 18,
    }),
    demo({
      titles: {
        ru: 'Концерт: романсы и джаз',
        'sr-Latn': 'Koncert: romanse i džez',
        en: 'Concert: romances and jazz',
      },
      type: 'concert',
      start: `${saturday}T19:30`,
      city: 'novi-sad',
      address: 'Zmaj Jovina 22, Novi Sad',
      lon: 19.8455,
      lat: 45.2557,
      languages: ['ru', 'sr'],
      price: '1500 RSD',
      localsWelcome: true,
    }),
    demo({
      titles: {
        ru: 'Кукольный театр для детей',
        'sr-Latn': 'Lutkarska predstava za decu',
        en: 'Puppet theatre for children',
      },
      type: 'children',
      start: `${sunday}T11:00`,
      end: `${sunday}T12:00`,
      city: 'belgrade',
      address: 'Kralja Milana 50, Beograd',
      lon: 20.4647,
      lat: 44.8059,
      free: true,
      minAge: 3,
    }),
    demo({
      titles: {
        ru: 'Выставка: художники из России в Сербии',
        'sr-Latn': 'Izložba: umetnici iz Rusije u Srbiji',
        en: 'Exhibition: artists from Russia in Serbia',
      },
      type: 'exhibition',
      start: day(now, 2),
      end: day(now, 12),
      allDay: true,
      city: 'belgrade',
      address: 'Knez Mihailova 40, Beograd',
      lon: 20.4569,
      lat: 44.8176,
      languages: ['ru', 'sr', 'en'],
      free: true,
      localsWelcome: true,
    }),
    demo({
      titles: { ru: 'Пробежка по набережной', 'sr-Latn': 'Trčanje uz kej', en: 'Riverside run' },
      type: 'sport',
      start: `${sunday}T09:00`,
      end: `${sunday}T10:30`,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      city: 'novi-sad',
      address: 'Sunčani kej, Novi Sad',
      lon: 19.8517,
      lat: 45.2475,
      free: true,
      localsWelcome: true,
      languages: ['ru', 'sr'],
    }),
  ];
}
