import { type Kysely, type RawBuilder, sql } from 'kysely';
import { SPOKEN_LANGUAGES, type SpokenLanguage } from '../../domain/languages.ts';
import type { Locale } from '../../domain/locales.ts';
import type {
  BucketCount,
  GroupCount,
  InsightsRepository,
  InsightsScope,
  NewestPlaceRow,
  TimeWindow,
} from '../repositories.ts';
import type { Database } from '../schema.ts';
import type { DialectSql } from './place-repository.ts';

// Closed places stay part of the history (they opened, then closed); pending and deleted ones never count.
const HISTORY_STATUSES = sql`('active', 'closed')`;

// The first 13 characters of an ISO timestamp name its UTC hour (`2025-03-31T22`): exact for zones whose
// offsets are whole hours (Europe/Belgrade and the other cities this serves); a :30 zone would see the half
// hour around midnight on the wrong side of a month's end.
const HOUR = 13;

/**
 * The insights' aggregates in portable SQL: both backends group and count, by UTC hour (a prefix of the ISO
 * timestamps, which sort and compare as text); the use case turns hours into the city's months.
 */
export class KyselyInsightsRepository implements InsightsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Pick<DialectSql, 'jsonText'>,
  ) {}

  private active(scope: InsightsScope) {
    let q = this.db.selectFrom('places').where('status', '=', 'active').where('city', '=', scope.city);
    if (scope.demo !== undefined) q = q.where('is_demo', '=', scope.demo ? 1 : 0);
    return q;
  }

  async activeCount(scope: InsightsScope): Promise<number> {
    const row = await this.active(scope)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async activeBy(scope: InsightsScope, field: 'category' | 'neighbourhood'): Promise<GroupCount[]> {
    const rows = await this.active(scope)
      .select([`${field} as slug`, (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(field)
      .execute();
    return rows.map((r) => ({ slug: r.slug, count: Number(r.n) }));
  }

  async activeByLanguage(scope: InsightsScope): Promise<{ code: SpokenLanguage; count: number }[]> {
    // One pass over the city's places: a sum per language bit, rather than a query per language.
    const row = await this.active(scope)
      .select(
        SPOKEN_LANGUAGES.map((_code, bit) =>
          sql<number>`SUM(CASE WHEN (language_mask & ${sql.lit(2 ** bit)}) <> 0 THEN 1 ELSE 0 END)`.as(
            `l${bit}`,
          ),
        ),
      )
      .executeTakeFirst();
    const sums = (row ?? {}) as Record<string, unknown>;
    return SPOKEN_LANGUAGES.map((code, bit) => ({ code, count: Number(sums[`l${bit}`] ?? 0) })).filter(
      (l) => l.count > 0,
    );
  }

  async openings(scope: InsightsScope, window: TimeWindow): Promise<BucketCount[]> {
    const status = this.dialect.jsonText('v.data', 'status');
    const firstPublic = sql`COALESCE(
        MIN(CASE WHEN ${status} = 'active'
          THEN (CASE WHEN v.action = 'baseline' THEN p.created_at ELSE v.created_at END) END),
        CASE WHEN COUNT(v.id) = 0 THEN p.created_at END)`;
    // A stated opening date is the city's own calendar: its month is the bucket, not an hour.
    const bucket = sql`CASE WHEN p.opened IS NOT NULL THEN substr(p.opened, 1, 7)
        ELSE substr(${firstPublic}, 1, ${sql.lit(HOUR)}) END`;
    const result = await sql<{ bucket: string; n: number }>`
      SELECT t.bucket, COUNT(*) AS n
      FROM (
        SELECT p.id, ${bucket} AS bucket
        FROM places p LEFT JOIN place_versions v ON v.place_id = p.id
        WHERE p.city = ${scope.city} AND p.status IN ${HISTORY_STATUSES} ${demoCondition(scope)}
        GROUP BY p.id, p.created_at, p.opened
      ) t
      WHERE t.bucket >= ${window.from} AND t.bucket < ${window.until}
      GROUP BY t.bucket`.execute(this.db);
    return result.rows.map((r) => ({ bucket: r.bucket, count: Number(r.n) }));
  }

  async closings(scope: InsightsScope, window: TimeWindow): Promise<BucketCount[]> {
    const status = this.dialect.jsonText('v.data', 'status');
    const previous = this.dialect.jsonText('w.data', 'status');
    // A version closes the place when the version before it was not closed; a place first recorded as
    // closed (an import of a closed shop) never opened here, so it never closes here either.
    const result = await sql<{ bucket: string; n: number }>`
      SELECT substr(v.created_at, 1, ${sql.lit(HOUR)}) AS bucket, COUNT(*) AS n
      FROM place_versions v JOIN places p ON p.id = v.place_id
      WHERE p.city = ${scope.city} AND p.status IN ${HISTORY_STATUSES} ${demoCondition(scope)}
        AND v.created_at >= ${window.from} AND v.created_at < ${window.until}
        AND ${status} = 'closed'
        AND (SELECT ${previous} FROM place_versions w
             WHERE w.place_id = v.place_id AND w.version < v.version
             ORDER BY w.version DESC LIMIT 1) <> 'closed'
      GROUP BY substr(v.created_at, 1, ${sql.lit(HOUR)})`.execute(this.db);
    return result.rows.map((r) => ({ bucket: r.bucket, count: Number(r.n) }));
  }

  async newestActive(scope: InsightsScope, limit: number): Promise<NewestPlaceRow[]> {
    const rows = await this.active(scope)
      .select(['id', 'names', 'original_locale', 'category', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      names: JSON.parse(r.names),
      originalLocale: r.original_locale as Locale,
      category: r.category,
      createdAt: r.created_at,
    }));
  }
}

function demoCondition(scope: InsightsScope): RawBuilder<unknown> {
  return scope.demo === undefined ? sql`` : sql`AND p.is_demo = ${scope.demo ? 1 : 0}`;
}
