import { canModerate } from '../../domain/accounts/permissions.ts';
import type { Actor } from '../../domain/accounts/user.ts';
import { MAX_COMMENT_LENGTH, MAX_REASON_LENGTH } from '../../domain/contributions/contribution.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { CityEvent, EventData } from '../../domain/events/event.ts';
import type { EventChange } from '../../domain/events/event-change.ts';
import {
  type EventFieldChange,
  eventDiff,
  exdatesAtNewTime,
  withProposedChanges,
} from '../../domain/events/event-diff.ts';
import { pickText } from '../../domain/locales.ts';
import type { Repositories } from '../../storage/repositories.ts';
import type { AppContext } from '../context.ts';
import { getEvent, type Publisher, publishesDirectly, venueIn } from './events.ts';
import { type EventInput, eventInputOf, prepareEvent } from './prepare-event.ts';

export interface EditOutcome {
  /** True when the change is live; false when it waits for a moderator. */
  live: boolean;
  event: CityEvent;
  /** The waiting change, when there is one. */
  change: EventChange | null;
}

function dataOf(event: CityEvent): EventData {
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = event;
  return data;
}

/**
 * `input` checked as the event's next state. Waiting and rejected events keep that status (only a
 * moderator's decision changes it), a demo event stays demo, and skipped dates follow a start moved to
 * another time of day.
 */
async function nextState(
  ctx: AppContext,
  places: Repositories['places'],
  current: CityEvent,
  input: EventInput,
): Promise<EventData> {
  const data = prepareEvent(input, ctx.taxonomy, await venueIn(places, input), ctx.now(), current.isDemo);
  const sameSkips = JSON.stringify(data.exdates) === JSON.stringify(current.exdates);
  const exdates = sameSkips ? exdatesAtNewTime(data.exdates, current.start, data.start) : data.exdates;
  const flowStatus = current.status === 'pending' || current.status === 'rejected';
  return { ...data, exdates, ...(flowStatus ? { status: current.status } : {}) };
}

/**
 * Changes an event: live from the operator, trusted contributors and moderators (recorded in the audit
 * log); from anyone else a proposed change that a moderator approves or rejects (one that changes nothing
 * is refused). The caller checks anti-spam and rate limits for strangers.
 */
export async function editEvent(
  ctx: AppContext,
  publisher: Publisher,
  id: number,
  input: EventInput,
  comment: string | null = null,
): Promise<EditOutcome> {
  const actor: Actor = publisher.kind === 'operator' ? { kind: 'visitor' } : publisher;
  const current =
    publisher.kind === 'operator' ? await ctx.storage.events.get(id) : await getEvent(ctx, id, actor);
  if (!current) throw new NotFoundError(`event ${id}`);
  const next = await nextState(ctx, ctx.storage.places, current, input);
  const changes = eventDiff(dataOf(current), next);
  const note = comment?.trim() || null;
  if (note && note.length > MAX_COMMENT_LENGTH)
    throw new InputError('comment', `must be at most ${MAX_COMMENT_LENGTH} characters`, 'tooLong', {
      max: MAX_COMMENT_LENGTH,
    });

  if (publishesDirectly(publisher)) {
    // Saying again what the event says is a no-op (PUT is idempotent), not a change for the log.
    if (changes.length === 0) return { live: true, event: current, change: null };
    const event = await ctx.storage.transaction(async (repos) => {
      const updated = await repos.events.update(id, next);
      if (!updated) throw new NotFoundError(`event ${id}`);
      await repos.audit.add({
        actorId: publisher.kind === 'user' ? publisher.user.id : null,
        action: 'edit-event',
        target: `event:${id}`,
        details: { fields: changes.map((c) => c.field) },
        createdAt: ctx.now().toISOString(),
      });
      return updated;
    });
    return { live: true, event, change: null };
  }
  if (changes.length === 0)
    throw new InputError('event', 'this changes nothing: the event already says all of it', 'nothingChanged');
  const change = await ctx.storage.eventChanges.add({
    eventId: id,
    base: dataOf(current),
    proposed: next,
    comment: note,
    submitterId: actor.kind === 'user' ? actor.user.id : null,
    createdAt: ctx.now().toISOString(),
  });
  return { live: false, event: current, change };
}

/** A waiting change with what approving it would do to the event as it is now. */
export interface EventChangeItem {
  change: EventChange;
  event: CityEvent | null;
  diff: EventFieldChange[];
}

export async function pendingEventChanges(
  ctx: AppContext,
  actor: Actor,
  limit = 50,
): Promise<EventChangeItem[]> {
  if (!canModerate(actor)) throw new ForbiddenError('only moderators can do this');
  const items: EventChangeItem[] = [];
  for (const change of await ctx.storage.eventChanges.pending(limit)) {
    const event = await ctx.storage.events.get(change.eventId);
    const now = event ? dataOf(event) : change.base;
    items.push({
      change,
      event,
      diff: eventDiff(now, withProposedChanges(now, change.base, change.proposed)),
    });
  }
  return items;
}

/**
 * A moderator's decision on a proposed change. Approving applies the fields the change touched to the event
 * as it is now (checked again as a whole), in one transaction with the decision and the audit entry.
 */
export async function reviewEventChange(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  approve: boolean,
  reason: string | undefined,
): Promise<void> {
  if (!canModerate(actor) || actor.kind !== 'user') throw new ForbiddenError('only moderators can do this');
  const why = reason?.trim() || null;
  if (!approve && !why)
    throw new InputError('reason', 'say why, so the person who sent it understands', 'reasonRequired');
  if (why && why.length > MAX_REASON_LENGTH)
    throw new InputError('reason', `must be at most ${MAX_REASON_LENGTH} characters`, 'tooLong', {
      max: MAX_REASON_LENGTH,
    });
  const change = await ctx.storage.eventChanges.get(changeId);
  if (!change) throw new NotFoundError(`event change ${changeId}`);
  const at = ctx.now().toISOString();
  await ctx.storage.transaction(async (repos) => {
    const decision = { reviewerId: actor.user.id, reason: why, at };
    if (
      !(await repos.eventChanges.decide(changeId, { ...decision, status: approve ? 'approved' : 'rejected' }))
    )
      throw new ConflictError(`the change ${changeId} was already decided`);
    if (approve) {
      const current = await repos.events.get(change.eventId);
      if (!current) throw new ConflictError(`event ${change.eventId} no longer exists`);
      const merged = withProposedChanges(dataOf(current), change.base, change.proposed);
      const next = await nextState(ctx, repos.places, current, eventInputOf(merged));
      await repos.events.update(change.eventId, next);
    }
    await repos.audit.add({
      actorId: actor.user.id,
      action: approve ? 'approve-event-change' : 'reject-event-change',
      target: `event:${change.eventId}`,
      details: { change: changeId, ...(why ? { reason: why } : {}) },
      createdAt: at,
    });
  });
  await tellSubmitter(ctx, change, approve, why);
}

/** The person who proposed the change hears the outcome by mail, in the language of their account. */
async function tellSubmitter(
  ctx: AppContext,
  change: EventChange,
  approved: boolean,
  reason: string | null,
): Promise<void> {
  const submitter = change.submitterId === null ? null : await ctx.storage.users.get(change.submitterId);
  if (!submitter?.email) return;
  const event = change.proposed;
  await ctx.notifier.notify(submitter.email, submitter.locale, {
    kind: 'event-change-decided',
    approved,
    eventTitle: pickText(event.titles, submitter.locale, event.originalLocale),
    reason,
    path: `/events/${change.eventId}`,
  });
}
