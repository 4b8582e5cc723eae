import { type Locale, pickText } from '../../domain/locales.ts';
import type { Taxonomy } from '../../usecases/taxonomy.ts';
import { html, type SafeHtml } from '../html.ts';

/** The categories a record can be given (never a group), under their groups, named in one locale. */
export interface CategoryChoices {
  groups: Array<{ name: string; categories: Array<{ slug: string; name: string }> }>;
}

/** Built by the server; the import page's script gets the same data as JSON to build its selects. */
export function categoryChoices(taxonomy: Taxonomy, locale: Locale): CategoryChoices {
  const name = (names: Parameters<typeof pickText>[0]) => pickText(names, locale);
  return {
    groups: taxonomy.groups().map((group) => ({
      name: name(group.names),
      categories: taxonomy
        .childrenOf(group.slug)
        .map((c) => ({ slug: c.slug, name: name(c.names) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    })),
  };
}

/** `<option>`s under `<optgroup>`s, after the given leading options (a "none" or a "skip"). */
export function categoryChoiceOptions(
  choices: CategoryChoices,
  chosen: string,
  leading: Array<{ value: string; label: string }> = [],
): SafeHtml {
  const option = (value: string, label: string) =>
    html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`;
  return html`${leading.map((o) => option(o.value, o.label))}${choices.groups.map(
    (group) =>
      html`<optgroup label="${group.name}">${group.categories.map((c) => option(c.slug, c.name))}</optgroup>`,
  )}`;
}

/** The name of a category slug, or the slug itself when the choices do not know it. */
export function categoryName(choices: CategoryChoices, slug: string): string {
  for (const group of choices.groups) {
    const found = group.categories.find((c) => c.slug === slug);
    if (found) return found.name;
  }
  return slug;
}
