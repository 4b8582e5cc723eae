import type { Kysely } from 'kysely';
import type { ChangeNote, PlaceVersion, VersionAction } from '../../domain/contributions/contribution.ts';
import type { Place, PlaceData } from '../../domain/places/place.ts';
import type { Database, PlaceVersionTable } from '../schema.ts';
import type { InsertRows } from './insert-rows.ts';
import { placeFromRow } from './rows.ts';

type VersionRow = Omit<PlaceVersionTable, 'id'> & { id: number };

/** A place's whole state as stored, exact position and address included (this table is never public). */
export async function storedPlaceData(db: Kysely<Database>, placeId: number): Promise<PlaceData | null> {
  const row = await db.selectFrom('places').selectAll().where('id', '=', placeId).executeTakeFirst();
  if (!row) return null;
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...data } = placeFromRow(row);
  if (Number(row.home_based) === 1 && row.exact_lon !== null && row.exact_lat !== null) {
    return { ...data, lon: row.exact_lon, lat: row.exact_lat, address: row.exact_address };
  }
  return data;
}

export async function recordVersion(
  db: Kysely<Database>,
  placeId: number,
  version: number,
  data: PlaceData,
  change: ChangeNote,
  at: string,
): Promise<void> {
  await db
    .insertInto('place_versions')
    .values(versionRow(placeId, version, data, change, at))
    .execute();
}

function versionRow(placeId: number, version: number, data: PlaceData, change: ChangeNote, at: string) {
  return {
    place_id: placeId,
    version,
    action: change.action,
    data: JSON.stringify(contentOf(data)),
    author_id: change.authorId,
    suggestion_id: change.suggestionId ?? null,
    note: change.note ?? null,
    created_at: at,
  };
}

/** Only the place's content: a Place passed as data brings its id, version and timestamps, kept elsewhere. */
function contentOf(data: PlaceData): PlaceData {
  const {
    id: _i,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...content
  } = data as PlaceData & Partial<Place>;
  return content;
}

/** Version 1 of many places at once (an import's batch), in as few statements as the backend allows. */
export async function recordVersions(
  db: Kysely<Database>,
  insertRows: InsertRows,
  places: { placeId: number; data: PlaceData }[],
  change: ChangeNote,
  at: string,
): Promise<void> {
  await insertRows(
    db,
    'place_versions',
    places.map(({ placeId, data }) => versionRow(placeId, 1, data, change, at)),
  );
}

/**
 * Places stored before history was kept (and imports' bulk inserts) have no row for their current version:
 * the first change writes it as a baseline, so a revert can always go back to it.
 */
export async function ensureBaseline(
  db: Kysely<Database>,
  placeId: number,
  version: number,
  updatedAt: string,
): Promise<void> {
  const existing = await db
    .selectFrom('place_versions')
    .select('id')
    .where('place_id', '=', placeId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (existing) return;
  const data = await storedPlaceData(db, placeId);
  if (data)
    await recordVersion(db, placeId, version, data, { action: 'baseline', authorId: null }, updatedAt);
}

export async function placeHistory(db: Kysely<Database>, placeId: number): Promise<PlaceVersion[]> {
  const rows = await db
    .selectFrom('place_versions')
    .selectAll()
    .where('place_id', '=', placeId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(versionFromRow);
}

export async function placeVersion(
  db: Kysely<Database>,
  placeId: number,
  version: number,
): Promise<PlaceVersion | null> {
  const row = await db
    .selectFrom('place_versions')
    .selectAll()
    .where('place_id', '=', placeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? versionFromRow(row) : null;
}

function versionFromRow(row: VersionRow): PlaceVersion {
  return {
    placeId: Number(row.place_id),
    version: Number(row.version),
    action: row.action as VersionAction,
    data: JSON.parse(row.data),
    authorId: row.author_id === null ? null : Number(row.author_id),
    suggestionId: row.suggestion_id === null ? null : Number(row.suggestion_id),
    note: row.note,
    createdAt: row.created_at,
  };
}
