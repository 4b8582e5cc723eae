import type { LocalizedText } from '../locales.ts';

/** The kinds of events, seeded and translatable like the categories (sr-Cyrl is derived from sr-Latn). */
export const EVENT_TYPES: readonly { slug: string; names: LocalizedText }[] = [
  { slug: 'concert', names: { ru: 'Концерт', 'sr-Latn': 'Koncert', en: 'Concert', uk: 'Концерт' } },
  {
    slug: 'comedy',
    names: { ru: 'Стендап и юмор', 'sr-Latn': 'Stendap i humor', en: 'Comedy', uk: 'Стендап і гумор' },
  },
  { slug: 'theatre', names: { ru: 'Театр', 'sr-Latn': 'Pozorište', en: 'Theatre', uk: 'Театр' } },
  { slug: 'exhibition', names: { ru: 'Выставка', 'sr-Latn': 'Izložba', en: 'Exhibition', uk: 'Виставка' } },
  { slug: 'meetup', names: { ru: 'Встреча', 'sr-Latn': 'Druženje', en: 'Meetup', uk: 'Зустріч' } },
  {
    slug: 'language-exchange',
    names: { ru: 'Языковой обмен', 'sr-Latn': 'Razmena jezika', en: 'Language exchange', uk: 'Мовний обмін' },
  },
  {
    slug: 'children',
    names: { ru: 'Для детей', 'sr-Latn': 'Za decu', en: "Children's activity", uk: 'Для дітей' },
  },
  { slug: 'sport', names: { ru: 'Спорт', 'sr-Latn': 'Sport', en: 'Sport', uk: 'Спорт' } },
  { slug: 'lecture', names: { ru: 'Лекция', 'sr-Latn': 'Predavanje', en: 'Lecture', uk: 'Лекція' } },
  { slug: 'other', names: { ru: 'Другое', 'sr-Latn': 'Ostalo', en: 'Other', uk: 'Інше' } },
];

export function isEventType(slug: string): boolean {
  return EVENT_TYPES.some((t) => t.slug === slug);
}
