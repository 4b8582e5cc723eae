import type { Locale } from '../locales.ts';
import type { PlaceData } from '../places/place.ts';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Who sent something in: an account, or a visitor who may have left an e-mail address for the outcome. */
export interface Submitter {
  userId: number | null;
  email: string | null;
  locale: Locale;
}

/** A new place or an edit of one, waiting for a moderator (or recorded as already applied). */
export interface Suggestion {
  id: number;
  kind: 'new' | 'edit';
  placeId: number | null;
  /** The place's version the edit was made against: the diff a moderator sees is against the current one. */
  baseVersion: number | null;
  data: PlaceData;
  comment: string | null;
  submitter: Submitter;
  /** Whether the anti-spam proof of work was solved (forms sent without JavaScript cannot solve it). */
  proofOfWork: boolean;
  status: ReviewStatus;
  reason: string | null;
  reviewerId: number | null;
  createdAt: string;
  reviewedAt: string | null;
}

export const REPORT_KINDS = ['closed', 'moved', 'wrong-info', 'duplicate', 'spam', 'unsafe'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

export interface Report {
  id: number;
  placeId: number;
  kind: ReportKind;
  message: string | null;
  submitter: Submitter;
  status: 'open' | 'resolved';
  resolverId: number | null;
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** A user's request to be recognised as a place's owner, with the evidence a moderator weighs. */
export interface Claim {
  id: number;
  placeId: number;
  userId: number;
  evidence: string;
  status: ReviewStatus;
  reason: string | null;
  reviewerId: number | null;
  createdAt: string;
  reviewedAt: string | null;
}

export const VERSION_ACTIONS = [
  'create',
  'edit',
  'import',
  'revert',
  'status',
  'merge',
  // The state a place had before history was kept, written the first time such a place changes.
  'baseline',
] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

/** Who made a change and why: recorded with the version it creates. */
export interface ChangeNote {
  action: VersionAction;
  authorId: number | null;
  suggestionId?: number | null;
  note?: string | null;
}

export interface PlaceVersion {
  placeId: number;
  version: number;
  action: VersionAction;
  data: PlaceData;
  authorId: number | null;
  suggestionId: number | null;
  note: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  actorId: number | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
  createdAt: string;
}

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_REASON_LENGTH = 1000;
