import { type Kysely, type Migration, sql } from 'kysely';
import type { StorageCapabilities } from '../repositories.ts';

/** Categories, cities, neighbourhoods, hours patterns and places, with the spatial index each backend does best. */
export function placesMigration(capabilities: StorageCapabilities): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
    async up(db: Kysely<any>) {
      const idColumn = capabilities.name === 'sqlite' ? 'integer' : 'integer';
      await db.schema
        .createTable('categories')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('parent', 'text', (c) => c.references('categories.slug'))
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('synonyms', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cities')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('centre_lon', 'double precision', (c) => c.notNull())
        .addColumn('centre_lat', 'double precision', (c) => c.notNull())
        .addColumn('zoom', 'integer', (c) => c.notNull())
        .addColumn('bounds', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('neighbourhoods')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('city', 'text', (c) => c.notNull().references('cities.slug'))
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('centre_lon', 'double precision', (c) => c.notNull())
        .addColumn('centre_lat', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('hours_patterns')
        .addColumn('id', idColumn, (c) =>
          capabilities.name === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('value', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable('places')
        .addColumn('id', idColumn, (c) =>
          capabilities.name === 'sqlite'
            ? c.primaryKey().autoIncrement()
            : c.primaryKey().generatedByDefaultAsIdentity(),
        )
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull().references('categories.slug'))
        .addColumn('extra_categories', 'text', (c) => c.notNull())
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('original_locale', 'text', (c) => c.notNull())
        .addColumn('descriptions', 'text', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('city', 'text', (c) => c.notNull().references('cities.slug'))
        .addColumn('neighbourhood', 'text', (c) => c.references('neighbourhoods.slug'))
        .addColumn('contacts', 'text', (c) => c.notNull())
        .addColumn('hours', 'text')
        .addColumn('hours_id', 'integer', (c) => c.references('hours_patterns.id'))
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('language_mask', 'integer', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text')
        .addColumn('source_layer', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Filtered lists page through by id: each common filter leads an index ending in id.
      await db.schema
        .createIndex('places_status_category')
        .on('places')
        .columns(['status', 'category', 'id'])
        .execute();
      await db.schema
        .createIndex('places_status_city')
        .on('places')
        .columns(['status', 'city', 'id'])
        .execute();
      // The list's most common pair: a category in a city (rare pairs would otherwise scan a whole category).
      await db.schema
        .createIndex('places_status_category_city')
        .on('places')
        .columns(['status', 'category', 'city', 'id'])
        .execute();
      await db.schema
        .createIndex('places_status_neighbourhood')
        .on('places')
        .columns(['status', 'neighbourhood', 'id'])
        .execute();
      await db.schema.createIndex('places_source_id').on('places').columns(['source_id']).execute();
      await db.schema.createIndex('places_is_demo').on('places').columns(['is_demo']).execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db.insertInto('meta').values({ key: 'data_version', value: 0 }).execute();

      if (capabilities.name === 'sqlite') {
        // R*Tree: SQLite's own spatial index; kept in step with places by triggers so no writer can forget it.
        await sql`CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat)`.execute(
          db,
        );
        await sql`CREATE TRIGGER places_rtree_insert AFTER INSERT ON places BEGIN
          INSERT INTO places_rtree VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END`.execute(db);
        await sql`CREATE TRIGGER places_rtree_update AFTER UPDATE OF lon, lat ON places BEGIN
          UPDATE places_rtree SET min_lon = new.lon, max_lon = new.lon, min_lat = new.lat, max_lat = new.lat
          WHERE id = new.id; END`.execute(db);
        await sql`CREATE TRIGGER places_rtree_delete AFTER DELETE ON places BEGIN
          DELETE FROM places_rtree WHERE id = old.id; END`.execute(db);
      } else {
        // GiST over the built-in point type: bounding-box and nearest-neighbour without needing PostGIS.
        await sql`CREATE INDEX places_point ON places USING gist (point(lon, lat))`.execute(db);
      }
    },
  };
}
