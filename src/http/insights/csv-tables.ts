import type { Locale } from '../../domain/locales.ts';
import { csvDocument } from '../../exports/formats/csv.ts';
import type { CityInsights } from '../../usecases/insights.ts';

/** The figures one can download, each as a CSV table with stable English headers for scripts. */
export const FIGURES = [
  'categories',
  'neighbourhoods',
  'opened-closed',
  'newest',
  'events',
  'languages',
] as const;
export type Figure = (typeof FIGURES)[number];

export function isFigure(value: string): value is Figure {
  return (FIGURES as readonly string[]).includes(value);
}

/** One figure as a CSV document (UTF-8 with a byte-order mark, as the open-data export). */
export function figureCsv(figure: Figure, insights: CityInsights, locale: Locale, origin: string): string {
  switch (figure) {
    case 'categories':
      return csvDocument(
        ['category', 'name', 'places', 'share'],
        insights.byCategory.map((r) => [r.slug ?? '', r.name ?? '', r.count, r.share]),
      );
    case 'neighbourhoods':
      return csvDocument(
        ['neighbourhood', 'name', 'places', 'share'],
        insights.byNeighbourhood.map((r) => [r.slug ?? '', r.name ?? '', r.count, r.share]),
      );
    case 'opened-closed':
      return csvDocument(
        ['month', 'opened', 'closed'],
        insights.openedClosedPerMonth.map((m) => [m.month, m.opened, m.closed]),
      );
    case 'newest':
      return csvDocument(
        ['id', 'name', 'category', 'category_name', 'created', 'url'],
        insights.newestPlaces.map((p) => [
          p.id,
          p.name,
          p.category,
          p.categoryName,
          p.created,
          `${origin}/${locale}${p.path}`,
        ]),
      );
    case 'events':
      return csvDocument(
        ['month', 'type', 'type_name', 'events'],
        insights.eventsPerMonthByType.map((e) => [e.month, e.type, e.typeName, e.count]),
      );
    case 'languages': {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
      return csvDocument(
        ['language', 'name', 'places', 'share'],
        insights.languages.map((l) => [l.code, names.of(l.code) ?? l.code, l.count, l.share]),
      );
    }
  }
}
