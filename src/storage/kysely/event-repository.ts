import { type Kysely, type SqlBool, sql } from 'kysely';
import {
  type CityEvent,
  type EventData,
  type EventStatus,
  PUBLIC_EVENT_STATUSES,
} from '../../domain/events/event.ts';
import { seriesBounds } from '../../domain/events/occurrences.ts';
import { languageMask, type SpokenLanguage } from '../../domain/languages.ts';
import type { Locale } from '../../domain/locales.ts';
import type { EventRepository, EventWindowQuery, NewestEventsQuery } from '../repositories.ts';
import type { Database, EventTable } from '../schema.ts';

type EventRow = Omit<EventTable, 'id'> & { id: number };

function eventFromRow(row: EventRow): CityEvent {
  return {
    id: Number(row.id),
    status: row.status as EventStatus,
    type: row.type,
    city: row.city,
    placeId: row.place_id === null ? null : Number(row.place_id),
    titles: JSON.parse(row.titles),
    descriptions: JSON.parse(row.descriptions),
    originalLocale: row.original_locale as Locale,
    start: row.start_local,
    end: row.end_local,
    allDay: Number(row.all_day) === 1,
    timeZone: row.time_zone,
    rrule: row.rrule,
    exdates: JSON.parse(row.exdates),
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    languages: JSON.parse(row.languages) as SpokenLanguage[],
    localsWelcome: Number(row.locals_welcome) === 1,
    bilingual: Number(row.bilingual) === 1,
    free: Number(row.free) === 1,
    price: row.price,
    minAge: row.min_age === null ? null : Number(row.min_age),
    organiserUrl: row.organiser_url,
    isDemo: Number(row.is_demo) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function eventColumns(data: EventData): Omit<EventTable, 'id' | 'created_at' | 'updated_at'> {
  const bounds = seriesBounds(data);
  return {
    status: data.status,
    type: data.type,
    city: data.city,
    place_id: data.placeId,
    titles: JSON.stringify(data.titles),
    descriptions: JSON.stringify(data.descriptions),
    original_locale: data.originalLocale,
    start_local: data.start,
    end_local: data.end,
    all_day: data.allDay ? 1 : 0,
    time_zone: data.timeZone,
    rrule: data.rrule,
    exdates: JSON.stringify(data.exdates),
    address: data.address,
    lon: data.lon,
    lat: data.lat,
    languages: JSON.stringify(data.languages),
    language_mask: languageMask(data.languages),
    locals_welcome: data.localsWelcome ? 1 : 0,
    bilingual: data.bilingual ? 1 : 0,
    free: data.free ? 1 : 0,
    price: data.price,
    min_age: data.minAge,
    organiser_url: data.organiserUrl,
    is_demo: data.isDemo ? 1 : 0,
    first_start: bounds.first.toISOString(),
    last_end: bounds.last?.toISOString() ?? null,
  };
}

export class KyselyEventRepository implements EventRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async insert(data: EventData): Promise<CityEvent> {
    const at = this.now().toISOString();
    const row = await this.db
      .insertInto('events')
      .values({ ...eventColumns(data), created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return eventFromRow(row);
  }

  async update(id: number, data: EventData): Promise<CityEvent | null> {
    const row = await this.db
      .updateTable('events')
      .set({ ...eventColumns(data), updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? eventFromRow(row) : null;
  }

  async get(id: number): Promise<CityEvent | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? eventFromRow(row) : null;
  }

  async pending(limit: number): Promise<CityEvent[]> {
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(eventFromRow);
  }

  async setStatus(id: number, from: string, to: string): Promise<boolean> {
    const result = await this.db
      .updateTable('events')
      .set({ status: to, updated_at: this.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteDemo(): Promise<number> {
    // Changes proposed to demo events go with them, or they would wait in the queue for an event that is gone.
    await this.db
      .deleteFrom('event_changes')
      .where('event_id', 'in', (eb) => eb.selectFrom('events').select('id').where('is_demo', '=', 1))
      .execute();
    const result = await this.db.deleteFrom('events').where('is_demo', '=', 1).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async inWindow(query: EventWindowQuery): Promise<CityEvent[]> {
    let q = this.db
      .selectFrom('events')
      .selectAll()
      .where('first_start', '<', query.to.toISOString())
      .where((eb) => eb.or([eb('last_end', 'is', null), eb('last_end', '>', query.from.toISOString())]));
    q = q.where('status', 'in', [...(query.statuses ?? PUBLIC_EVENT_STATUSES)]);
    if (query.city) q = q.where('city', '=', query.city);
    if (query.types?.length) q = q.where('type', 'in', query.types);
    if (query.placeId !== undefined) q = q.where('place_id', '=', query.placeId);
    if (query.languageMask) q = q.where(sql<SqlBool>`(language_mask & ${query.languageMask}) <> 0`);
    if (query.localsWelcome) q = q.where('locals_welcome', '=', 1);
    if (query.free) q = q.where('free', '=', 1);
    if (!query.includeDemo) q = q.where('is_demo', '=', 0);
    const rows = await q.orderBy('first_start').orderBy('id').limit(query.limit).execute();
    return rows.map(eventFromRow);
  }

  async newest(query: NewestEventsQuery): Promise<CityEvent[]> {
    // Waiting and rejected events are nobody's news.
    let q = this.db
      .selectFrom('events')
      .selectAll()
      .where('status', 'in', [...PUBLIC_EVENT_STATUSES]);
    if (query.city) q = q.where('city', '=', query.city);
    if (query.types?.length) q = q.where('type', 'in', query.types);
    if (!query.includeDemo) q = q.where('is_demo', '=', 0);
    // Rows written in the same millisecond keep their insertion order through the id.
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(eventFromRow);
  }
}
