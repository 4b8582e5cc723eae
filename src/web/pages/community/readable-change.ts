import type { FieldChange } from '../../../domain/contributions/place-diff.ts';
import { isLocale, type Locale, pickText } from '../../../domain/locales.ts';
import type { Taxonomy } from '../../../usecases/taxonomy.ts';
import { LOCALE_NAMES, type Translator } from '../../i18n/index.ts';

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
      case 'city': {
        const city = taxonomy.city(text);
        return city ? pickText(city.names, locale) : text;
      }
      case 'neighbourhood': {
        const neighbourhood = taxonomy.neighbourhood(text);
        return neighbourhood ? pickText(neighbourhood.names, locale) : text;
      }
      case 'languages':
        return each(text, (code) => tr.languageName(code));
      case 'homeBased':
      case 'localsWelcome':
        return text === 'yes' ? m.yes : m.no;
      case 'status':
        return m.statuses[text as keyof typeof m.statuses] ?? text;
      case 'names':
      case 'descriptions':
        // One line per locale: "ru: …" becomes "Русский: …".
        return text.replace(/^([a-zA-Z-]+): /gm, (all, code: string) =>
          isLocale(code) ? `${LOCALE_NAMES[code]}: ` : all,
        );
      default:
        return text;
    }
  };
  return { field: change.field, before: value(change.before), after: value(change.after) };
}
