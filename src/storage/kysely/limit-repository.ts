import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../domain/contributions/contribution.ts';
import type { AuditRepository, LimitRepository } from '../repositories.ts';
import type { Database } from '../schema.ts';

export class KyselyLimitRepository implements LimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async hit(key: string, windowStart: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async spend(key: string, expiresAt: string): Promise<boolean> {
    const rows = await this.db
      .insertInto('spent_challenges')
      .values({ key, expires_at: expiresAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    return rows.length === 1;
  }

  async prune(nowMs: number, now: string): Promise<void> {
    // Windows are at most a day long; anything older than that has ended.
    await this.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', nowMs - 86_400_000)
      .execute();
    await this.db.deleteFrom('spent_challenges').where('expires_at', '<', now).execute();
  }
}

export class KyselyAuditRepository implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        actor_id: entry.actorId,
        action: entry.action,
        target: entry.target,
        details: JSON.stringify(entry.details),
        created_at: entry.createdAt,
      })
      .execute();
  }

  async list(filter: { limit: number; beforeId?: number }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
    const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      action: r.action,
      target: r.target,
      details: JSON.parse(r.details),
      createdAt: r.created_at,
    }));
  }
}
