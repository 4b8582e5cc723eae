import { InputError } from '../domain/errors.ts';
import { EVENT_TYPES } from '../domain/events/event-types.ts';
import {
  addMonths,
  type Month,
  monthCount,
  monthIn,
  monthStart,
  monthsBetween,
  parseMonth,
} from '../domain/insights/months.ts';
import type { SpokenLanguage } from '../domain/languages.ts';
import { type Locale, pickText } from '../domain/locales.ts';
import type { City } from '../domain/taxonomy.ts';
import type { BucketCount, GroupCount, InsightsScope, NewestPlaceRow } from '../storage/repositories.ts';
import type { AppContext } from './context.ts';
import { listOccurrences } from './events/events.ts';
import { placePath } from './present-place.ts';

export interface InsightsRequest {
  /** A city slug; the first city when absent. */
  city?: string;
  /** First and last month (`YYYY-MM`, or a date taken as its month); the last 12 months when absent. */
  from?: string;
  to?: string;
  /** The language of the names in the figures. */
  locale: Locale;
}

export interface ShareRow {
  /** Null: places without a neighbourhood. */
  slug: string | null;
  name: string | null;
  count: number;
  /** Of the active places, 0…1 (four decimals). Languages' shares add up to more than 1: places serve several. */
  share: number;
}

export interface MonthChanges {
  month: Month;
  opened: number;
  closed: number;
}

export interface NewPlace {
  id: number;
  name: string;
  category: string;
  categoryName: string;
  created: string;
  /** The place page's path without a locale (`/p/12-kafe`). */
  path: string;
}

export interface EventMonthCount {
  month: Month;
  type: string;
  typeName: string;
  count: number;
}

export interface LanguageShare {
  code: SpokenLanguage;
  count: number;
  share: number;
}

export interface CityInsights {
  city: { slug: string; name: string };
  from: Month;
  to: Month;
  /** Every month of the period, in order. */
  months: Month[];
  /** The figures are the demo data's (the instance has no real places yet). */
  demo: boolean;
  totals: { activePlaces: number; opened: number; closed: number; eventOccurrences: number };
  byCategory: ShareRow[];
  byNeighbourhood: ShareRow[];
  /** Every month of the period, zeros included. */
  openedClosedPerMonth: MonthChanges[];
  newestPlaces: NewPlace[];
  /** Only month and type pairs that had events, by month then type. */
  eventsPerMonthByType: EventMonthCount[];
  languages: LanguageShare[];
}

export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 24;
export const NEWEST_COUNT = 10;
const DAY_MS = 86_400_000;

/** The period asked for, checked: each bad value is an InputError naming its parameter. */
export function insightsPeriod(
  request: Pick<InsightsRequest, 'from' | 'to'>,
  currentMonth: Month,
): { from: Month; to: Month } {
  const parsed = (value: string | undefined, name: 'from' | 'to'): Month | undefined => {
    if (value === undefined || value === '') return undefined;
    const month = parseMonth(value);
    if (!month)
      throw new InputError(name, 'must be a month such as 2025-01 (or a date such as 2025-01-31)', 'month');
    return month;
  };
  const askedFrom = parsed(request.from, 'from');
  const askedTo = parsed(request.to, 'to');
  const to = askedTo ?? (askedFrom ? addMonths(askedFrom, DEFAULT_MONTHS - 1) : currentMonth);
  const from = askedFrom ?? addMonths(to, -(DEFAULT_MONTHS - 1));
  if (to < from) throw new InputError('to', 'must not be before from', 'periodOrder');
  if (monthCount(from, to) > MAX_MONTHS)
    throw new InputError('to', `the period may be at most ${MAX_MONTHS} months`, 'periodLength', {
      max: MAX_MONTHS,
    });
  return { from, to };
}

/**
 * A city's figures for residents, journalists and researchers. Only public places count (active ones;
 * closed ones in the history), never pending or deleted ones. Demo places count only while the instance has
 * no real place, as everywhere else on the site.
 */
export async function cityInsights(ctx: AppContext, request: InsightsRequest): Promise<CityInsights> {
  const city = request.city ? ctx.taxonomy.city(request.city) : ctx.taxonomy.cities[0];
  if (!city) throw new InputError('city', `unknown city "${request.city ?? ''}"`);
  const { from, to } = insightsPeriod(request, monthIn(ctx.now(), city.timeZone));
  const { locale } = request;

  const places = await placeFigures(ctx, city, from, to);
  const { activePlaces, demo } = places;
  const share = (count: number) => (activePlaces ? Math.round((count / activePlaces) * 10_000) / 10_000 : 0);
  const rows = (groups: GroupCount[], name: (slug: string) => string | undefined): ShareRow[] =>
    groups
      .map((g) => ({
        slug: g.slug,
        name: g.slug === null ? null : (name(g.slug) ?? g.slug),
        count: g.count,
        share: share(g.count),
      }))
      .sort(byCountThenSlug);

  const categoryName = (slug: string) => {
    const category = ctx.taxonomy.category(slug);
    return category ? pickText(category.names, locale) : undefined;
  };
  const byCategory = rows(places.byCategory, categoryName);
  const byNeighbourhood = rows(places.byNeighbourhood, (slug) => {
    const neighbourhood = ctx.taxonomy.neighbourhood(slug);
    return neighbourhood ? pickText(neighbourhood.names, locale) : undefined;
  });

  const months = monthsBetween(from, to);
  const opened = perMonth(places.openings, city.timeZone);
  const closed = perMonth(places.closings, city.timeZone);
  const openedClosedPerMonth = months.map((month) => ({
    month,
    opened: opened.get(month) ?? 0,
    closed: closed.get(month) ?? 0,
  }));

  const newestPlaces = places.newest.map((p) => {
    return {
      id: p.id,
      name: pickText(p.names, locale, p.originalLocale),
      category: p.category,
      categoryName: categoryName(p.category) ?? p.category,
      created: p.createdAt,
      path: placePath(p),
    };
  });

  const eventsPerMonthByType = await eventsByMonth(ctx, city.slug, months, locale);
  const languages = places.languages
    .map((l) => ({ ...l, share: share(l.count) }))
    .sort((a, b) => b.count - a.count);

  return {
    city: { slug: city.slug, name: pickText(city.names, locale) },
    from,
    to,
    months,
    demo,
    totals: {
      activePlaces,
      opened: sum(openedClosedPerMonth.map((m) => m.opened)),
      closed: sum(openedClosedPerMonth.map((m) => m.closed)),
      eventOccurrences: sum(eventsPerMonthByType.map((e) => e.count)),
    },
    byCategory,
    byNeighbourhood,
    openedClosedPerMonth,
    newestPlaces,
    eventsPerMonthByType,
    languages,
  };
}

/** What the place figures are made of, before names are put in a locale: one set per city and period. */
interface PlaceFigures {
  activePlaces: number;
  demo: boolean;
  byCategory: GroupCount[];
  byNeighbourhood: GroupCount[];
  openings: BucketCount[];
  closings: BucketCount[];
  newest: NewestPlaceRow[];
  languages: { code: SpokenLanguage; count: number }[];
}

// Time zones are at most 14 hours from UTC: a window this much wider catches every hour of the local months.
// It also keeps a stated opening month (`2024-07`) that starts the period inside it: as text, `2024-07` sorts
// before `2024-07-01T00`, but not before `2024-06-30T10`.
const ZONE_MARGIN_MS = 14 * 3_600_000;
const CACHED_PERIODS = 64;
/**
 * Place figures per process, valid while the shared data version stands (every place write moves it), so a
 * busy insights page costs the database one set of aggregates per change instead of one per view.
 */
const placeFigureCache = new WeakMap<AppContext, Map<string, { version: number; figures: PlaceFigures }>>();

async function placeFigures(ctx: AppContext, city: City, from: Month, to: Month): Promise<PlaceFigures> {
  const version = await ctx.dataVersion.current();
  const key = `${city.slug}|${from}|${to}`;
  const cache = placeFigureCache.get(ctx) ?? new Map();
  placeFigureCache.set(ctx, cache);
  const cached = cache.get(key);
  if (cached && cached.version === version) return cached.figures;

  const hasReal = (await ctx.storage.places.count({ statuses: ['active'], demo: false })) > 0;
  const scope: InsightsScope = { city: city.slug, ...(hasReal ? { demo: false } : {}) };
  const demo = !hasReal && (await ctx.storage.places.count({ statuses: ['active'], demo: true })) > 0;
  const hour = (instant: number) => new Date(instant).toISOString().slice(0, 13);
  const window = {
    from: hour(monthStart(from).getTime() - ZONE_MARGIN_MS),
    until: hour(monthStart(addMonths(to, 1)).getTime() + ZONE_MARGIN_MS),
  };
  const insights = ctx.storage.insights;
  const figures: PlaceFigures = {
    activePlaces: await insights.activeCount(scope),
    demo,
    byCategory: await insights.activeBy(scope, 'category'),
    byNeighbourhood: await insights.activeBy(scope, 'neighbourhood'),
    openings: await insights.openings(scope, window),
    closings: await insights.closings(scope, window),
    newest: await insights.newestActive(scope, NEWEST_COUNT),
    languages: await insights.activeByLanguage(scope),
  };
  cache.delete(key);
  cache.set(key, { version, figures });
  if (cache.size > CACHED_PERIODS) cache.delete(cache.keys().next().value as string);
  return figures;
}

/** Counts per month of the city's wall calendar: UTC hours are placed in the month they fall in there. */
function perMonth(buckets: BucketCount[], timeZone: string): Map<Month, number> {
  const out = new Map<Month, number>();
  for (const { bucket, count } of buckets) {
    const month = bucket.length === 7 ? bucket : monthIn(new Date(`${bucket}:00:00Z`), timeZone);
    out.set(month, (out.get(month) ?? 0) + count);
  }
  return out;
}

/**
 * Occurrences per month (on the city's wall calendar) and type; cancelled events did not take place and
 * are left out. One window per month, widened by a day on each side so that no time zone shifts an evening
 * occurrence out of its month; each occurrence is kept only in the month its local start names.
 */
async function eventsByMonth(
  ctx: AppContext,
  city: string,
  months: Month[],
  locale: Locale,
): Promise<EventMonthCount[]> {
  const out: EventMonthCount[] = [];
  for (const month of months) {
    const found = await listOccurrences(ctx, {
      city,
      from: new Date(monthStart(month).getTime() - DAY_MS),
      to: new Date(monthStart(addMonths(month, 1)).getTime() + DAY_MS),
    });
    const counts = new Map<string, number>();
    for (const { event, occurrence } of found) {
      if (event.status === 'cancelled' || !occurrence.localStart.startsWith(month)) continue;
      counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    }
    for (const [type, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      const names = EVENT_TYPES.find((t) => t.slug === type)?.names;
      out.push({ month, type, typeName: names ? pickText(names, locale) : type, count });
    }
  }
  return out;
}

function byCountThenSlug(a: ShareRow, b: ShareRow): number {
  if (b.count !== a.count) return b.count - a.count;
  // Places without a neighbourhood come last among equals: they are the remainder, not a place.
  if (a.slug === null || b.slug === null) return a.slug === null ? 1 : -1;
  return a.slug.localeCompare(b.slug);
}

function sum(values: number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
