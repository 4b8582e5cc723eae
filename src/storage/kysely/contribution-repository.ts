import { type Kysely, sql } from 'kysely';
import type {
  Claim,
  Report,
  ReportKind,
  ReviewStatus,
  Suggestion,
} from '../../domain/contributions/contribution.ts';
import type { Locale } from '../../domain/locales.ts';
import type {
  ContributionRepository,
  NewSuggestion,
  ReviewCounts,
  SuggestionReview,
} from '../repositories.ts';
import type { ClaimTable, Database, ReportTable, SuggestionTable } from '../schema.ts';

type Row<T> = Omit<T, 'id'> & { id: number };
const id = (value: number | null) => (value === null ? null : Number(value));

function suggestionFromRow(row: Row<SuggestionTable>): Suggestion {
  return {
    id: Number(row.id),
    kind: row.kind as Suggestion['kind'],
    placeId: id(row.place_id),
    baseVersion: id(row.base_version),
    data: JSON.parse(row.data),
    comment: row.comment,
    submitter: {
      userId: id(row.submitter_id),
      email: row.submitter_email,
      locale: row.submitter_locale as Locale,
    },
    proofOfWork: Number(row.proof_of_work) === 1,
    status: row.status as ReviewStatus,
    reason: row.reason,
    reviewerId: id(row.reviewer_id),
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
  };
}

function reportFromRow(row: Row<ReportTable>): Report {
  return {
    id: Number(row.id),
    placeId: Number(row.place_id),
    kind: row.kind as ReportKind,
    message: row.message,
    submitter: {
      userId: id(row.submitter_id),
      email: row.submitter_email,
      locale: row.submitter_locale as Locale,
    },
    status: row.status as Report['status'],
    resolverId: id(row.resolver_id),
    resolution: row.resolution,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

function claimFromRow(row: Row<ClaimTable>): Claim {
  return {
    id: Number(row.id),
    placeId: Number(row.place_id),
    userId: Number(row.user_id),
    evidence: row.evidence,
    status: row.status as ReviewStatus,
    reason: row.reason,
    reviewerId: id(row.reviewer_id),
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
  };
}

export class KyselyContributionRepository implements ContributionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async addSuggestion(s: NewSuggestion): Promise<Suggestion> {
    const row = await this.db
      .insertInto('suggestions')
      .values({
        kind: s.kind,
        place_id: s.placeId,
        base_version: s.baseVersion,
        data: JSON.stringify(s.data),
        comment: s.comment,
        submitter_id: s.submitter.userId,
        submitter_email: s.submitter.email,
        submitter_locale: s.submitter.locale,
        proof_of_work: s.proofOfWork ? 1 : 0,
        status: s.status,
        reason: null,
        reviewer_id: null,
        created_at: s.createdAt,
        reviewed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return suggestionFromRow(row);
  }

  async suggestion(suggestionId: number): Promise<Suggestion | null> {
    const row = await this.db
      .selectFrom('suggestions')
      .selectAll()
      .where('id', '=', suggestionId)
      .executeTakeFirst();
    return row ? suggestionFromRow(row) : null;
  }

  async suggestions(filter: {
    status?: ReviewStatus;
    submitterId?: number;
    placeId?: number;
    limit: number;
  }): Promise<Suggestion[]> {
    let q = this.db.selectFrom('suggestions').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.submitterId !== undefined) q = q.where('submitter_id', '=', filter.submitterId);
    if (filter.placeId !== undefined) q = q.where('place_id', '=', filter.placeId);
    // The queue is worked oldest first; a person's own list newest first.
    const rows = await q
      .orderBy('id', filter.status === 'pending' ? 'asc' : 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map(suggestionFromRow);
  }

  async reviewSuggestion(suggestionId: number, review: SuggestionReview): Promise<boolean> {
    const result = await this.db
      .updateTable('suggestions')
      .set({
        status: review.status,
        reviewer_id: review.reviewerId,
        reason: review.reason,
        reviewed_at: review.at,
        ...(review.data ? { data: JSON.stringify(review.data) } : {}),
      })
      .where('id', '=', suggestionId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setSuggestionPlace(suggestionId: number, placeId: number): Promise<void> {
    await this.db
      .updateTable('suggestions')
      .set({ place_id: placeId })
      .where('id', '=', suggestionId)
      .execute();
  }

  async addReport(
    r: Omit<Report, 'id' | 'status' | 'resolverId' | 'resolution' | 'resolvedAt'>,
  ): Promise<Report> {
    const row = await this.db
      .insertInto('reports')
      .values({
        place_id: r.placeId,
        kind: r.kind,
        message: r.message,
        submitter_id: r.submitter.userId,
        submitter_email: r.submitter.email,
        submitter_locale: r.submitter.locale,
        status: 'open',
        resolver_id: null,
        resolution: null,
        created_at: r.createdAt,
        resolved_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return reportFromRow(row);
  }

  async reports(filter: { status?: Report['status']; placeId?: number; limit: number }): Promise<Report[]> {
    let q = this.db.selectFrom('reports').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.placeId !== undefined) q = q.where('place_id', '=', filter.placeId);
    const rows = await q.orderBy('id').limit(filter.limit).execute();
    return rows.map(reportFromRow);
  }

  async resolveReports(
    placeId: number,
    resolution: { resolverId: number; resolution: string; at: string },
  ): Promise<Report[]> {
    const open = await this.db
      .selectFrom('reports')
      .selectAll()
      .where('place_id', '=', placeId)
      .where('status', '=', 'open')
      .execute();
    if (open.length === 0) return [];
    await this.db
      .updateTable('reports')
      .set({
        status: 'resolved',
        resolver_id: resolution.resolverId,
        resolution: resolution.resolution,
        resolved_at: resolution.at,
      })
      .where(
        'id',
        'in',
        open.map((r) => r.id),
      )
      .execute();
    return open.map(reportFromRow);
  }

  async forgetSubmitterEmails(table: 'reports' | 'suggestions', ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable(table)
      .set({ submitter_email: null })
      .where('id', 'in', [...ids])
      .execute();
  }

  async addClaim(c: Omit<Claim, 'id' | 'status' | 'reason' | 'reviewerId' | 'reviewedAt'>): Promise<Claim> {
    const row = await this.db
      .insertInto('claims')
      .values({
        place_id: c.placeId,
        user_id: c.userId,
        evidence: c.evidence,
        status: 'pending',
        reason: null,
        reviewer_id: null,
        created_at: c.createdAt,
        reviewed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return claimFromRow(row);
  }

  async claim(claimId: number): Promise<Claim | null> {
    const row = await this.db.selectFrom('claims').selectAll().where('id', '=', claimId).executeTakeFirst();
    return row ? claimFromRow(row) : null;
  }

  async claims(filter: {
    status?: ReviewStatus;
    userId?: number;
    placeId?: number;
    limit: number;
  }): Promise<Claim[]> {
    let q = this.db.selectFrom('claims').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.placeId !== undefined) q = q.where('place_id', '=', filter.placeId);
    const rows = await q.orderBy('id').limit(filter.limit).execute();
    return rows.map(claimFromRow);
  }

  async reviewClaim(claimId: number, review: Omit<SuggestionReview, 'data'>): Promise<boolean> {
    const result = await this.db
      .updateTable('claims')
      .set({
        status: review.status,
        reviewer_id: review.reviewerId,
        reason: review.reason,
        reviewed_at: review.at,
      })
      .where('id', '=', claimId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async ownedPlaceIds(userId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('claims')
      .select('place_id')
      .where('user_id', '=', userId)
      .where('status', '=', 'approved')
      .execute();
    return [...new Set(rows.map((r) => Number(r.place_id)))];
  }

  async pendingCounts(): Promise<ReviewCounts> {
    const count = async (
      table: 'suggestions' | 'claims' | 'reports' | 'events' | 'event_changes',
      status: string,
    ) => {
      const row = await this.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .where('status', '=', status)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return {
      suggestions: await count('suggestions', 'pending'),
      reports: await count('reports', 'open'),
      claims: await count('claims', 'pending'),
      events: (await count('events', 'pending')) + (await count('event_changes', 'pending')),
    };
  }

  async moveToPlace(fromId: number, toId: number): Promise<void> {
    await this.db.updateTable('reports').set({ place_id: toId }).where('place_id', '=', fromId).execute();
    await this.db
      .updateTable('claims')
      .set({ place_id: toId })
      .where('place_id', '=', fromId)
      .where('status', '=', 'approved')
      .execute();
  }
}
