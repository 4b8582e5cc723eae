import type { Kysely } from 'kysely';
import type { ReviewStatus } from '../../domain/contributions/contribution.ts';
import type { EventChange, NewEventChange } from '../../domain/events/event-change.ts';
import type { EventChangeRepository } from '../repositories.ts';
import type { Database, EventChangeTable } from '../schema.ts';

type ChangeRow = Omit<EventChangeTable, 'id'> & { id: number };

function changeFromRow(row: ChangeRow): EventChange {
  return {
    id: Number(row.id),
    eventId: Number(row.event_id),
    base: JSON.parse(row.base),
    proposed: JSON.parse(row.proposed),
    comment: row.comment,
    submitterId: row.submitter_id === null ? null : Number(row.submitter_id),
    status: row.status as ReviewStatus,
    reason: row.reason,
    reviewerId: row.reviewer_id === null ? null : Number(row.reviewer_id),
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
  };
}

export class KyselyEventChangeRepository implements EventChangeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(change: NewEventChange): Promise<EventChange> {
    const row = await this.db
      .insertInto('event_changes')
      .values({
        event_id: change.eventId,
        base: JSON.stringify(change.base),
        proposed: JSON.stringify(change.proposed),
        comment: change.comment,
        submitter_id: change.submitterId,
        status: 'pending',
        reason: null,
        reviewer_id: null,
        created_at: change.createdAt,
        reviewed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return changeFromRow(row);
  }

  async get(id: number): Promise<EventChange | null> {
    const row = await this.db.selectFrom('event_changes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? changeFromRow(row) : null;
  }

  async pending(limit: number): Promise<EventChange[]> {
    const rows = await this.db
      .selectFrom('event_changes')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(changeFromRow);
  }

  async bySubmitter(userId: number, limit: number): Promise<EventChange[]> {
    const rows = await this.db
      .selectFrom('event_changes')
      .selectAll()
      .where('submitter_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(changeFromRow);
  }

  async decide(
    id: number,
    decision: { status: 'approved' | 'rejected'; reviewerId: number; reason: string | null; at: string },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('event_changes')
      .set({
        status: decision.status,
        reviewer_id: decision.reviewerId,
        reason: decision.reason,
        reviewed_at: decision.at,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
