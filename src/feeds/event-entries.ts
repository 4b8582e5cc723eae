import type { CityEvent } from '../domain/events/event.ts';
import { EVENT_TYPES } from '../domain/events/event-types.ts';
import { floating, occurrencesBetween, zonedInstant } from '../domain/events/occurrences.ts';
import { pickText } from '../domain/locales.ts';
import type { Place } from '../domain/places/place.ts';
import { richTextToPlain } from '../web/components/rich-text.ts';
import { t } from '../web/i18n/index.ts';
import { localePath } from '../web/locale.ts';
import { type AtomEntry, tagUri } from './atom.ts';
import type { FeedSite } from './place-entries.ts';

const YEAR_MS = 366 * 86_400_000;

export function eventTypeName(slug: string, site: FeedSite): string {
  return pickText(EVENT_TYPES.find((type) => type.slug === slug)?.names ?? {}, site.locale) || slug;
}

/**
 * When the event next takes place; an event that is over (or a series that ended) shows its first date,
 * which is still what a reader needs to place it.
 */
function nextStart(event: CityEvent, now: Date): Date | null {
  const next = occurrencesBetween(event, now, new Date(now.getTime() + YEAR_MS))[0];
  if (next) return next.start;
  const first = floating(event.start);
  return first ? zonedInstant(first, event.timeZone) : null;
}

/** The date (and time) as the city's clocks show it, in the feed's language. */
function localWhen(event: CityEvent, start: Date, site: FeedSite): string {
  return new Intl.DateTimeFormat(site.locale, {
    dateStyle: 'full',
    ...(event.allDay ? {} : { timeStyle: 'short' }),
    timeZone: event.timeZone,
  }).format(start);
}

/**
 * An event as a feed entry. `venue` is the place it is held at, when that place is public; the address was
 * copied from the place's public view when the event was written, so a home-based venue's stays hidden.
 */
export function eventEntry(event: CityEvent, site: FeedSite, venue: Place | undefined, now: Date): AtomEntry {
  const tr = t(site.locale);
  const title = pickText(event.titles, site.locale, event.originalLocale);
  const typeName = eventTypeName(event.type, site);
  const start = nextStart(event, now);
  const where = [venue ? pickText(venue.names, site.locale, venue.originalLocale) : '', event.address ?? '']
    .filter(Boolean)
    .join(', ');
  const description = richTextToPlain(pickText(event.descriptions, site.locale, event.originalLocale)).trim();
  const facts = [
    typeName,
    ...(start ? [tr.format(tr.m.feeds.when, { date: localWhen(event, start, site) })] : []),
    ...(where ? [tr.format(tr.m.feeds.where, { address: where })] : []),
  ];
  return {
    id: tagUri(site.host, `event:${event.id}`),
    title: event.status === 'cancelled' ? tr.format(tr.m.feeds.cancelled, { title }) : title,
    link: `${site.origin}${localePath(site.locale, `events/${event.id}`)}`,
    updated: event.updatedAt,
    published: event.createdAt,
    summary: [facts.join('\n'), description].filter(Boolean).join('\n\n'),
    categories: [{ term: event.type, label: typeName }],
  };
}
