import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { ChangeNote, PlaceVersion } from '../../domain/contributions/contribution.ts';
import { type BBox, boxAround, distanceMeters } from '../../domain/geo.ts';
import { publicView } from '../../domain/places/approximate-position.ts';
import type { Place, PlaceData } from '../../domain/places/place.ts';
import { placeTaxonomyTokens } from '../../domain/search/taxonomy-tokens.ts';
import type {
  DuplicateCandidate,
  DuplicateLookup,
  HoursPattern,
  IndexedPlace,
  PlaceFilter,
  PlaceListQuery,
  PlaceListRow,
  PlacePoint,
  PlaceRepository,
  SearchDocument,
  SearchIndexer,
  TextCandidate,
  TextMatch,
} from '../repositories.ts';
import type { Database } from '../schema.ts';
import type { InsertRows } from './insert-rows.ts';
import {
  ensureBaseline,
  placeHistory,
  placeVersion,
  recordVersion,
  recordVersions,
} from './place-versions.ts';
import { placeColumns, placeFromRow } from './rows.ts';
import { fullTextGroups } from './text-groups.ts';

/** What the two backends do differently for places: how a box uses the spatial index, how text matches. */
export interface DialectSql {
  inBBox(eb: ExpressionBuilder<Database, 'places'>, bbox: BBox): Expression<SqlBool>;
  /** Ids of places whose keys match: every group, and within a group any term (`key*` = prefix). */
  textIds(groups: string[][]): RawBuilder<unknown>;
  /** Places whose keys match, as a query the full-text index drives, so that a LIMIT stops it early. */
  placesMatching(db: Kysely<Database>, groups: string[][]): PlacesQuery<object>;
  /** A top-level text field of a JSON column stored as text (`column` may be qualified: `v.data`). */
  jsonText(column: string, key: string): RawBuilder<string | null>;
  insertRows: InsertRows;
  /** After a bulk write in a transaction: what keeps the planner using the indexes of `columns` for lookups. */
  afterBulkWrite(
    db: Kysely<Database>,
    table: keyof Database & string,
    columns: readonly string[],
  ): Promise<void>;
}

type PlacesQuery<O> = SelectQueryBuilder<Database, 'places', O>;

/** What `duplicateCandidates` looks places up by. */
const DUPLICATE_LOOKUP_COLUMNS = ['source', 'source_id', 'name_key', 'phone_key', 'website_key'];

// "Near" searches widen from this radius until a page is full: cheap in dense centres, complete at the edge.
const NEAR_START_RADIUS_M = 400;
// Ids per IN list when reading keys for a page of candidates: small statements, well under any bound-parameter limit.
const ID_CHUNK = 500;

/** Caches shared by a repository and the transaction-bound repositories it hands out. */
interface WriteState {
  hoursIds: Map<string, number>;
  pendingHoursIds: Map<string, number>;
  knownTerms: Set<string>;
  pendingTerms: Set<string>;
  indexer: SearchIndexer;
  writes: number;
}

export class KyselyPlaceRepository implements PlaceRepository {
  private readonly state: WriteState;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectSql,
    private readonly now: () => Date = () => new Date(),
    /** Set for the repository `transaction()` hands out: it writes inside that transaction. */
    private readonly outer?: KyselyPlaceRepository,
  ) {
    this.state = outer?.state ?? {
      hoursIds: new Map(),
      pendingHoursIds: new Map(),
      knownTerms: new Set(),
      pendingTerms: new Set(),
      indexer: plainIndexer,
      writes: 0,
    };
  }

  private get indexer(): SearchIndexer {
    return this.state.indexer;
  }

  async transaction<T>(work: (places: PlaceRepository) => Promise<T>): Promise<T> {
    if (this.outer) return work(this);
    return this.writing((trx) => work(new KyselyPlaceRepository(trx, this.dialect, this.now, this)));
  }

  async duplicateCandidates(lookup: DuplicateLookup): Promise<DuplicateCandidate[]> {
    // One query per key, each on its own index: an OR across them lets SQLite's planner pick the is_demo
    // index and scan the whole table once per batch, which makes a large import quadratic.
    const select = () =>
      this.db
        .selectFrom('places')
        .select([
          'id',
          'source',
          'source_id',
          'name_key',
          'phone_key',
          'website_key',
          'lon',
          'lat',
          'is_demo',
        ]);
    const queries = [];
    const { source } = lookup;
    if (source?.sourceIds.length)
      queries.push(select().where('source', '=', source.source).where('source_id', 'in', source.sourceIds));
    if (lookup.nameKeys.length) queries.push(select().where('name_key', 'in', lookup.nameKeys));
    if (lookup.phoneKeys.length) queries.push(select().where('phone_key', 'in', lookup.phoneKeys));
    if (lookup.websiteKeys.length) queries.push(select().where('website_key', 'in', lookup.websiteKeys));
    const byId = new Map<number, DuplicateCandidate>();
    for (const query of queries) {
      for (const r of await query.execute()) {
        if (Number(r.is_demo) === 1 || byId.has(Number(r.id))) continue;
        byId.set(Number(r.id), {
          id: Number(r.id),
          source: r.source,
          sourceId: r.source_id,
          nameKey: r.name_key,
          phoneKey: r.phone_key,
          websiteKey: r.website_key,
          lon: r.lon,
          lat: r.lat,
        });
      }
    }
    return [...byId.values()];
  }

  async insert(data: PlaceData, change: ChangeNote = { action: 'create', authorId: null }): Promise<Place> {
    return this.writing(async (trx) => {
      const timestamp = this.now().toISOString();
      const search = this.indexer(publicView(data));
      const row = await trx
        .insertInto('places')
        .values({
          ...placeColumns(data, search),
          hours_id: await this.hoursId(trx, data.hours),
          created_at: timestamp,
          updated_at: timestamp,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (!data.isDemo) await recordVersion(trx, Number(row.id), 1, data, change, timestamp);
      await this.addTerms(trx, [search]);
      await bumpDataVersion(trx);
      return placeFromRow(row);
    });
  }

  async insertMany(
    data: readonly PlaceData[],
    change?: ChangeNote,
    indexed?: readonly IndexedPlace[],
  ): Promise<number> {
    if (data.length === 0) return 0;
    await this.writing(async (trx) => {
      const timestamp = this.now().toISOString();
      const hoursIds = await this.hoursIds(
        trx,
        data.map((place) => place.hours),
      );
      const documents: SearchDocument[] = [];
      const rows = data.map((place, i) => {
        const given = indexed?.[i];
        const search = given?.search ?? this.indexer(publicView(place));
        documents.push(search);
        return {
          ...placeColumns(place, search, place, given?.keys),
          hours_id: place.hours === null ? null : (hoursIds.get(place.hours) ?? null),
          created_at: timestamp,
          updated_at: timestamp,
        };
      });
      const ids = await this.dialect.insertRows(trx, 'places', rows, { returnIds: Boolean(change) });
      if (change) {
        await recordVersions(
          trx,
          this.dialect.insertRows,
          ids.map((placeId, i) => ({ placeId, data: data[i] as PlaceData })),
          change,
          timestamp,
        );
      }
      await this.addTerms(trx, documents);
      await bumpDataVersion(trx);
      await this.dialect.afterBulkWrite(trx, 'places', DUPLICATE_LOOKUP_COLUMNS);
    });
    return data.length;
  }

  async update(
    id: number,
    data: PlaceData,
    change: ChangeNote = { action: 'edit', authorId: null },
  ): Promise<Place | null> {
    return this.writing(async (trx) => {
      const current = await trx
        .selectFrom('places')
        .select(['version', 'updated_at', 'is_demo'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) return null;
      const timestamp = this.now().toISOString();
      const tracked = Number(current.is_demo) !== 1;
      if (tracked) await ensureBaseline(trx, id, Number(current.version), current.updated_at);
      const search = this.indexer(publicView(data));
      const exact = await this.exactOf(trx, id, data);
      const row = await trx
        .updateTable('places')
        .set({
          ...placeColumns(data, search, exact),
          hours_id: await this.hoursId(trx, data.hours),
          version: Number(current.version) + 1,
          updated_at: timestamp,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      if (tracked) {
        const stored = data.homeBased
          ? { ...data, lon: exact.lon, lat: exact.lat, address: exact.address }
          : data;
        await recordVersion(trx, id, Number(row.version), stored, change, timestamp);
      }
      await this.addTerms(trx, [search]);
      await bumpDataVersion(trx);
      return placeFromRow(row);
    });
  }

  /**
   * The exact position and address to keep for a home-based place being updated. A place read back from
   * storage carries only its public view: when that is what comes back (position unchanged, address blank),
   * the stored exact values stay; a new position or address replaces them.
   */
  private async exactOf(
    db: Kysely<Database>,
    id: number,
    data: PlaceData,
  ): Promise<{ lon: number; lat: number; address: string | null }> {
    if (!data.homeBased) return data;
    const row = await db
      .selectFrom('places')
      .select(['home_based', 'lon', 'lat', 'exact_lon', 'exact_lat', 'exact_address'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || Number(row.home_based) !== 1 || row.exact_lon === null || row.exact_lat === null) return data;
    const unmoved = data.lon === row.lon && data.lat === row.lat;
    return {
      lon: unmoved ? row.exact_lon : data.lon,
      lat: unmoved ? row.exact_lat : data.lat,
      address: data.address ?? row.exact_address,
    };
  }

  history(placeId: number): Promise<PlaceVersion[]> {
    return placeHistory(this.db, placeId);
  }

  version(placeId: number, version: number): Promise<PlaceVersion | null> {
    return placeVersion(this.db, placeId, version);
  }

  async purge(placeId: number): Promise<boolean> {
    return this.writing(async (trx) => {
      await trx.deleteFrom('place_versions').where('place_id', '=', placeId).execute();
      await trx.deleteFrom('place_redirects').where('to_id', '=', placeId).execute();
      const result = await trx.deleteFrom('places').where('id', '=', placeId).executeTakeFirst();
      await bumpDataVersion(trx);
      return Number(result.numDeletedRows) > 0;
    });
  }

  async addRedirect(fromId: number, toId: number): Promise<void> {
    await this.writing(async (trx) => {
      // A place merged earlier into `fromId` now leads straight to `toId`: redirects never chain.
      await trx.updateTable('place_redirects').set({ to_id: toId }).where('to_id', '=', fromId).execute();
      await trx
        .insertInto('place_redirects')
        .values({ from_id: fromId, to_id: toId, created_at: this.now().toISOString() })
        .onConflict((oc) => oc.column('from_id').doUpdateSet({ to_id: toId }))
        .execute();
    });
  }

  async redirectOf(placeId: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('place_redirects')
      .select('to_id')
      .where('from_id', '=', placeId)
      .executeTakeFirst();
    return row ? Number(row.to_id) : null;
  }

  /** The inner Kysely of a transaction handed out by `transaction()`, for repositories that join it. */
  async withTransaction<T>(
    work: (trx: Kysely<Database>, places: KyselyPlaceRepository) => Promise<T>,
  ): Promise<T> {
    if (this.outer) return work(this.db, this);
    return this.writing((trx) => work(trx, new KyselyPlaceRepository(trx, this.dialect, this.now, this)));
  }

  async exactLocation(id: number): Promise<{ lon: number; lat: number; address: string | null } | null> {
    const row = await this.db
      .selectFrom('places')
      .select(['home_based', 'exact_lon', 'exact_lat', 'exact_address'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || Number(row.home_based) !== 1 || row.exact_lon === null || row.exact_lat === null) return null;
    return { lon: row.exact_lon, lat: row.exact_lat, address: row.exact_address };
  }

  async get(id: number): Promise<Place | null> {
    const row = await this.db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? placeFromRow(row) : null;
  }

  async getMany(ids: readonly number[]): Promise<Place[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('places')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(placeFromRow);
  }

  async list(query: PlaceListQuery): Promise<PlaceListRow[]> {
    if (query.near) return this.listNear(query, query.near);
    let select = this.filtered(this.db.selectFrom('places').selectAll(), query);
    if (query.after) select = select.where('id', '>', query.after.id);
    const rows = await select.orderBy('id').limit(query.limit).execute();
    return rows.map(placeFromRow);
  }

  async newest(filter: PlaceFilter, limit: number): Promise<Place[]> {
    // A batch (an import, the demo) shares one timestamp: the id keeps its insertion order.
    const rows = await this.filtered(this.db.selectFrom('places').selectAll(), filter)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(placeFromRow);
  }

  /** Nearest first: candidates from a widening box, exact distances in JS, keyset on (distance, id). */
  private async listNear(
    query: PlaceListQuery,
    near: NonNullable<PlaceListQuery['near']>,
  ): Promise<PlaceListRow[]> {
    const centre = [near.lon, near.lat] as const;
    const afterDistance = query.after?.distanceM ?? -1;
    const afterId = query.after?.id ?? 0;
    let radius = Math.min(near.radiusM, Math.max(NEAR_START_RADIUS_M, afterDistance * 1.5));
    for (;;) {
      const box = boxAround(centre, radius);
      const candidates = await this.filtered(this.db.selectFrom('places').select(['id', 'lon', 'lat']), query)
        .where((eb) => this.dialect.inBBox(eb, box))
        .execute();
      const ranked = candidates
        .map((c) => ({
          id: Number(c.id),
          distanceM: Math.round(distanceMeters(centre, [c.lon, c.lat]) * 10) / 10,
        }))
        .filter((c) => c.distanceM <= radius)
        .filter((c) => c.distanceM > afterDistance || (c.distanceM === afterDistance && c.id > afterId))
        .sort((a, b) => a.distanceM - b.distanceM || a.id - b.id);
      if (ranked.length >= query.limit || radius >= near.radiusM) {
        const page = ranked.slice(0, query.limit);
        if (page.length === 0) return [];
        const places = await this.getMany(page.map((p) => p.id));
        const byId = new Map(places.map((place) => [place.id, place]));
        return page.flatMap((p) => {
          const place = byId.get(p.id);
          return place ? [{ ...place, distanceM: p.distanceM }] : [];
        });
      }
      radius = Math.min(near.radiusM, radius * 3);
    }
  }

  async count(filter: PlaceFilter): Promise<number> {
    const row = await this.filtered(
      this.db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async *points(batchSize = 50_000): AsyncIterable<PlacePoint[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('places')
        .select([
          'id',
          'lon',
          'lat',
          'category',
          'city',
          'neighbourhood',
          'language_mask',
          'hours_id',
          'locals_welcome',
        ])
        .where('status', '=', 'active')
        .where('id', '>', after)
        .orderBy('id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]?.id);
      yield rows.map((r) => ({
        id: Number(r.id),
        lon: r.lon,
        lat: r.lat,
        category: r.category,
        city: r.city,
        neighbourhood: r.neighbourhood,
        languageMask: Number(r.language_mask),
        hoursId: r.hours_id === null ? null : Number(r.hours_id),
        localsWelcome: Number(r.locals_welcome) === 1,
      }));
      if (rows.length < batchSize) return;
    }
  }

  async hoursPatterns(): Promise<HoursPattern[]> {
    const rows = await this.db.selectFrom('hours_patterns').select(['id', 'value']).execute();
    return rows.map((r) => ({ id: Number(r.id), value: r.value }));
  }

  async textCandidates(filter: PlaceFilter, cap: number): Promise<TextCandidate[]> {
    const { text, ...rest } = filter;
    const groups = text ? fullTextGroups(text, rest) : undefined;
    if (groups === null) return [];
    // One full-text AND (see text-groups.ts), driven by the index so that the LIMIT stops it early.
    const from = groups ? this.dialect.placesMatching(this.db, groups) : this.db.selectFrom('places');
    const select = this.filtered(
      from.select([
        'places.id',
        'places.lon',
        'places.lat',
        'places.category',
        'places.neighbourhood',
        'places.language_mask',
        'places.city',
        'places.search_name',
      ]),
      rest,
    );
    const rows = await select.limit(cap).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      lon: r.lon,
      lat: r.lat,
      category: r.category,
      city: r.city,
      neighbourhood: r.neighbourhood,
      languageMask: Number(r.language_mask),
      nameKeys: splitKeys(r.search_name),
    }));
  }

  async otherKeys(ids: readonly number[]): Promise<Map<number, string[]>> {
    const keys = new Map<number, string[]>();
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      const rows = await this.db
        .selectFrom('places')
        .select(['id', 'search_other'])
        .where('id', 'in', ids.slice(start, start + ID_CHUNK))
        .execute();
      for (const r of rows) keys.set(Number(r.id), splitKeys(r.search_other));
    }
    return keys;
  }

  async termsSince(afterId: number): Promise<{ lastId: number; terms: string[] }> {
    const rows = await this.db
      .selectFrom('search_terms')
      .select(['id', 'term'])
      .where('id', '>', afterId)
      .orderBy('id')
      .execute();
    return {
      lastId: rows.length ? Number(rows[rows.length - 1]?.id) : afterId,
      terms: rows.map((r) => r.term),
    };
  }

  useSearchIndexer(indexer: SearchIndexer): void {
    this.state.indexer = indexer;
  }

  async reindex(onProgress?: (done: number) => void): Promise<number> {
    let after = 0;
    let done = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('places')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      await this.writing(async (trx) => {
        const documents: SearchDocument[] = [];
        for (const row of rows) {
          const search = this.indexer(placeFromRow(row));
          documents.push(search);
          await trx
            .updateTable('places')
            .set({
              search_name: search.name.join(' '),
              search_other: search.other.join(' '),
              search_taxonomy: placeTaxonomyTokens(row).join(' '),
            })
            .where('id', '=', row.id)
            .execute();
        }
        await this.addTerms(trx, documents);
        await bumpDataVersion(trx);
      });
      after = Number(rows[rows.length - 1]?.id);
      done += rows.length;
      onProgress?.(done);
    }
    return done;
  }

  async deleteDemo(): Promise<number> {
    return this.writing(async (trx) => {
      const result = await trx.deleteFrom('places').where('is_demo', '=', 1).executeTakeFirst();
      await bumpDataVersion(trx);
      return Number(result.numDeletedRows);
    });
  }

  localWriteCount(): number {
    return this.state.writes;
  }

  async dataVersion(): Promise<number> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'data_version')
      .executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  private filtered<O>(select: PlacesQuery<O>, filter: PlaceFilter): PlacesQuery<O> {
    let q = select;
    if (filter.statuses) q = q.where('status', 'in', filter.statuses);
    if (filter.demo !== undefined) q = q.where('is_demo', '=', filter.demo ? 1 : 0);
    if (filter.categories) q = q.where('category', 'in', filter.categories);
    if (filter.city) q = q.where('city', '=', filter.city);
    if (filter.neighbourhood) q = q.where('neighbourhood', '=', filter.neighbourhood);
    if (filter.languageMask) q = q.where(sql<SqlBool>`(language_mask & ${filter.languageMask}) <> 0`);
    if (filter.localsWelcome) q = q.where('locals_welcome', '=', 1);
    if (filter.hoursIds) {
      const ids = filter.hoursIds;
      q = ids.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('hours_id', 'in', ids);
    }
    if (filter.text) q = this.matchingText(q, filter.text, filter);
    if (filter.bbox) {
      const bbox = filter.bbox;
      q = q.where((eb) => this.dialect.inBBox(eb, bbox));
    }
    return q;
  }

  private matchingText<O>(select: PlacesQuery<O>, text: TextMatch, filter: PlaceFilter): PlacesQuery<O> {
    const groups = fullTextGroups(text, filter);
    if (!groups) return select.where(sql<SqlBool>`1 = 0`);
    return select.where(sql<SqlBool>`places.id IN (${this.dialect.textIds(groups)})`);
  }

  /** Records vocabulary terms not seen before (append-only; duplicates are ignored by the unique key). */
  private async addTerms(db: Kysely<Database>, documents: SearchDocument[]): Promise<void> {
    const { knownTerms, pendingTerms } = this.state;
    const fresh = new Set<string>();
    for (const doc of documents) {
      for (const field of [doc.name, doc.other]) {
        for (const term of field) if (!knownTerms.has(term) && !pendingTerms.has(term)) fresh.add(term);
      }
    }
    if (fresh.size === 0) return;
    const terms = [...fresh];
    await this.dialect.insertRows(
      db,
      'search_terms',
      terms.map((term) => ({ term })),
      { skipExisting: 'term' },
    );
    for (const term of terms) pendingTerms.add(term);
  }

  /** A write transaction; hours patterns and terms it created are remembered only once it has committed. */
  private async writing<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    // Inside a transaction handed out by `transaction()`: the outer one commits (and remembers) everything.
    if (this.outer) return work(this.db);
    const state = this.state;
    state.pendingHoursIds.clear();
    state.pendingTerms.clear();
    try {
      const result = await this.db.transaction().execute(work);
      for (const [value, id] of state.pendingHoursIds) state.hoursIds.set(value, id);
      for (const term of state.pendingTerms) state.knownTerms.add(term);
      state.writes++;
      return result;
    } finally {
      state.pendingHoursIds.clear();
      state.pendingTerms.clear();
    }
  }

  private async hoursId(db: Kysely<Database>, hours: string | null): Promise<number | null> {
    if (hours === null) return null;
    return (await this.hoursIds(db, [hours])).get(hours) ?? null;
  }

  /** The hours_patterns id of each distinct value, storing the values not seen before in one statement. */
  private async hoursIds(
    db: Kysely<Database>,
    values: ReadonlyArray<string | null>,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const missing = new Set<string>();
    for (const value of values) {
      if (value === null || ids.has(value)) continue;
      const known = this.state.hoursIds.get(value) ?? this.state.pendingHoursIds.get(value);
      if (known === undefined) missing.add(value);
      else ids.set(value, known);
    }
    if (missing.size === 0) return ids;
    const fresh = [...missing];
    await this.dialect.insertRows(
      db,
      'hours_patterns',
      fresh.map((value) => ({ value })),
      { skipExisting: 'value' },
    );
    const rows = await db
      .selectFrom('hours_patterns')
      .select(['id', 'value'])
      .where('value', 'in', fresh)
      .execute();
    for (const row of rows) {
      ids.set(row.value, Number(row.id));
      this.state.pendingHoursIds.set(row.value, Number(row.id));
    }
    return ids;
  }
}

function splitKeys(text: string): string[] {
  return text ? text.split(' ') : [];
}

/** Until the search module's indexer is installed: lower-cased words of names and texts. */
const plainIndexer: SearchIndexer = (place) => {
  const words = (texts: Array<string | null | undefined>) => [
    ...new Set(
      texts
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
  return {
    name: words(Object.values(place.names)),
    other: words([...Object.values(place.descriptions), place.address, ...place.tags]),
  };
};

async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('meta')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('key', '=', 'data_version')
    .execute();
}
