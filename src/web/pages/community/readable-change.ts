import type { FieldChange } from '../../../domain/contributions/place-diff.ts';
import type { EventFieldChange } from '../../../domain/events/event-diff.ts';
import { isLocale, type Locale, pickText } from '../../../domain/locales.ts';
import type { Taxonomy } from '../../../usecases/taxonomy.ts';
import { LOCALE_NAMES, type Translator } from '../../i18n/index.ts';
import { typeName } from '../events/event-items.ts';

/** Words both diffs share: a list of language codes, a city slug and a yes/no, as the reader says them. */
const languageNames = (tr: Translator, codes: string) =>
  codes
    .split(', ')
    .map((code) => tr.languageName(code))
    .join(', ');
function cityName(taxonomy: Taxonomy, tr: Translator, slug: string): string {
  const city = taxonomy.city(slug);
  return city ? pickText(city.names, tr.locale) : slug;
}
const yesNo = (tr: Translator, text: string) => (text === 'yes' ? tr.m.community.yes : tr.m.community.no);

/** One line per locale: "ru: …" becomes "Русский: …". */
function localeLines(text: string): string {
  return text.replace(/^([a-zA-Z-]+): /gm, (all, code: string) =>
    isLocale(code) ? `${LOCALE_NAMES[code]}: ` : all,
  );
}

/**
 * A change as people read it: category, city and neighbourhood by name, languages and locales by name,
 * yes/no and statuses translated. The domain's diff gives slugs and codes; this is the page's wording.
 */
export function readableChange(change: FieldChange, tr: Translator, taxonomy: Taxonomy): FieldChange {
  const m = tr.m.community;
  const locale: Locale = tr.locale;
  const each = (text: string, word: (part: string) => string) =>
    text ? text.split(', ').map(word).join(', ') : text;
  const value = (text: string): string => {
    if (!text) return text;
    switch (change.field) {
      case 'category':
      case 'extraCategories':
        return each(text, (slug) => {
          const category = taxonomy.category(slug);
          return category ? pickText(category.names, locale) : slug;
        });
      case 'city':
        return cityName(taxonomy, tr, text);
      case 'neighbourhood': {
        const neighbourhood = taxonomy.neighbourhood(text);
        return neighbourhood ? pickText(neighbourhood.names, locale) : text;
      }
      case 'languages':
        return languageNames(tr, text);
      case 'homeBased':
      case 'localsWelcome':
        return yesNo(tr, text);
      case 'status':
        return m.statuses[text as keyof typeof m.statuses] ?? text;
      case 'names':
      case 'descriptions':
        return localeLines(text);
      default:
        return text;
    }
  };
  return { field: change.field, before: value(change.before), after: value(change.after) };
}

/** An event's changed fields as people read them: labels, type and city names, languages, yes/no, statuses. */
export function readableEventDiff(
  changes: EventFieldChange[],
  tr: Translator,
  taxonomy: Taxonomy,
): { label: string; before: string; after: string }[] {
  const e = tr.m.events;
  const word = (field: EventFieldChange['field'], text: string): string => {
    if (!text) return text;
    switch (field) {
      case 'type':
        return typeName(text, tr.locale);
      case 'city':
        return cityName(taxonomy, tr, text);
      case 'languages':
        return languageNames(tr, text);
      case 'allDay':
      case 'localsWelcome':
      case 'bilingual':
      case 'free':
        return yesNo(tr, text);
      case 'status':
        return e.eventStatuses[text as keyof typeof e.eventStatuses] ?? text;
      case 'start':
      case 'end':
        return text.replace('T', ' ');
      case 'titles':
      case 'descriptions':
        return localeLines(text);
      default:
        return text;
    }
  };
  return changes.map((c) => ({
    label: e.eventFields[c.field],
    before: word(c.field, c.before),
    after: word(c.field, c.after),
  }));
}
