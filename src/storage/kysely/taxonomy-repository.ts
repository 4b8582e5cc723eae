import type { Kysely } from 'kysely';
import type { Category, City } from '../../domain/taxonomy.ts';
import type { TaxonomyRepository } from '../repositories.ts';
import type { Database } from '../schema.ts';
import { categoryFromRow, categoryToRow, cityFromRows } from './rows.ts';

export class KyselyTaxonomyRepository implements TaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async categories(): Promise<Category[]> {
    const rows = await this.db.selectFrom('categories').selectAll().orderBy('sort').execute();
    return rows.map(categoryFromRow);
  }

  async upsertCategory(category: Category): Promise<void> {
    const row = categoryToRow(category);
    const { slug: _slug, ...changes } = row;
    await this.db
      .insertInto('categories')
      .values(row)
      .onConflict((oc) => oc.column('slug').doUpdateSet(changes))
      .execute();
  }

  async cities(): Promise<City[]> {
    const [cities, neighbourhoods] = await Promise.all([
      this.db.selectFrom('cities').selectAll().orderBy('slug').execute(),
      this.db.selectFrom('neighbourhoods').selectAll().orderBy('slug').execute(),
    ]);
    return cities.map((city) => cityFromRows(city, neighbourhoods));
  }

  async upsertCity(city: City): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = {
        slug: city.slug,
        names: JSON.stringify(city.names),
        time_zone: city.timeZone,
        centre_lon: city.centre[0],
        centre_lat: city.centre[1],
        zoom: city.zoom,
        bounds: JSON.stringify(city.bounds),
      };
      const { slug: _slug, ...changes } = row;
      await trx
        .insertInto('cities')
        .values(row)
        .onConflict((oc) => oc.column('slug').doUpdateSet(changes))
        .execute();
      for (const n of city.neighbourhoods) {
        const nRow = {
          slug: n.slug,
          city: city.slug,
          names: JSON.stringify(n.names),
          centre_lon: n.centre[0],
          centre_lat: n.centre[1],
        };
        const { slug: _nSlug, ...nChanges } = nRow;
        await trx
          .insertInto('neighbourhoods')
          .values(nRow)
          .onConflict((oc) => oc.column('slug').doUpdateSet(nChanges))
          .execute();
      }
    });
  }
}
