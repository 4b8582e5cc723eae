import type { ReviewStatus } from '../contributions/contribution.ts';
import type { EventData } from './event.ts';

/** A change to a published event proposed by someone who may not publish directly: a moderator decides. */
export interface EventChange {
  id: number;
  eventId: number;
  /** The event as it was when the change was written, so the change applies to later states too. */
  base: EventData;
  proposed: EventData;
  comment: string | null;
  submitterId: number | null;
  status: ReviewStatus;
  reason: string | null;
  reviewerId: number | null;
  createdAt: string;
  reviewedAt: string | null;
}

export type NewEventChange = Pick<
  EventChange,
  'eventId' | 'base' | 'proposed' | 'comment' | 'submitterId'
> & {
  createdAt: string;
};
