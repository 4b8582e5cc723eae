import type { Kysely } from 'kysely';
import type { MetaRepository } from '../repositories.ts';
import type { Database } from '../schema.ts';

export class KyselyMetaRepository implements MetaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<number | null> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row ? Number(row.value) : null;
  }

  async set(key: string, value: number): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
