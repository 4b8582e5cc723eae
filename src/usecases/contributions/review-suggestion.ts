import { canModerate } from '../../domain/accounts/permissions.ts';
import type { Actor } from '../../domain/accounts/user.ts';
import { MAX_REASON_LENGTH, type Suggestion } from '../../domain/contributions/contribution.ts';
import { type FieldChange, placeDiff } from '../../domain/contributions/place-diff.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { Place, PlaceData } from '../../domain/places/place.ts';
import type { AppContext } from '../context.ts';
import { type PlaceInput, placeInputOf, preparePlace } from '../prepare-place.ts';
import { placePath } from '../present-place.ts';
import { audit } from './audit.ts';
import { rebaseEdit } from './submit-suggestion.ts';

export function requireModerator(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new ForbiddenError('sign in as a moderator');
  if (!canModerate(actor)) throw new ForbiddenError('only moderators can do this');
}

/** A pending suggestion as a moderator sees it: what it would change, field by field, against the place now. */
export interface QueueItem {
  suggestion: Suggestion;
  current: Place | null;
  /** What approving would write (an edit rebased on the current version). */
  result: PlaceData;
  changes: FieldChange[];
  /** The place changed since the suggestion was made. */
  stale: boolean;
}

async function resultOf(
  ctx: AppContext,
  suggestion: Suggestion,
): Promise<{ current: Place | null; result: PlaceData }> {
  if (suggestion.kind === 'new' || suggestion.placeId === null)
    return { current: null, result: suggestion.data };
  const current = await ctx.storage.places.get(suggestion.placeId);
  if (!current) return { current: null, result: suggestion.data };
  const base =
    suggestion.baseVersion !== null && suggestion.baseVersion !== current.version
      ? ((await ctx.storage.places.version(suggestion.placeId, suggestion.baseVersion))?.data ?? current)
      : current;
  return { current, result: rebaseEdit(current, base, suggestion.data) };
}

export async function queueItem(ctx: AppContext, actor: Actor, suggestionId: number): Promise<QueueItem> {
  requireModerator(actor);
  const suggestion = await ctx.storage.contributions.suggestion(suggestionId);
  if (!suggestion) throw new NotFoundError(`suggestion ${suggestionId}`);
  const { current, result } = await resultOf(ctx, suggestion);
  return {
    suggestion,
    current,
    result,
    changes: placeDiff(current, result),
    stale: current !== null && suggestion.baseVersion !== null && current.version !== suggestion.baseVersion,
  };
}

export async function moderationQueue(ctx: AppContext, actor: Actor, limit = 50): Promise<QueueItem[]> {
  requireModerator(actor);
  const pending = await ctx.storage.contributions.suggestions({ status: 'pending', limit });
  return Promise.all(pending.map((s) => queueItem(ctx, actor, s.id)));
}

function checkedReason(raw: unknown, required: boolean): string | null {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  if (required && !reason)
    throw new InputError('reason', 'say why, so the person who sent it understands', 'reasonRequired');
  if (reason.length > MAX_REASON_LENGTH)
    throw new InputError('reason', `must be at most ${MAX_REASON_LENGTH} characters`, 'tooLong', {
      max: MAX_REASON_LENGTH,
    });
  return reason || null;
}

/**
 * Approves a suggestion, optionally as the moderator edited it: the place is created or changed as a new
 * version attributed to the suggestion, and the person who sent it is told when they left an address.
 */
export async function approveSuggestion(
  ctx: AppContext,
  actor: Actor,
  suggestionId: number,
  edited?: PlaceInput,
): Promise<Place> {
  const item = await queueItem(ctx, actor, suggestionId);
  requireModerator(actor);
  if (item.suggestion.status !== 'pending')
    throw new ConflictError(`suggestion ${suggestionId} was already decided`);
  const data = edited
    ? preparePlace({ ...placeInputOf(item.result), ...edited, status: item.result.status }, ctx.taxonomy, {
        provenance: item.result.provenance,
        isDemo: item.result.isDemo,
      })
    : item.result;
  const now = ctx.now();
  const place = await ctx.storage.transaction(async (repos) => {
    const decided = await repos.contributions.reviewSuggestion(suggestionId, {
      status: 'approved',
      reviewerId: actor.user.id,
      reason: null,
      at: now.toISOString(),
      data,
    });
    if (!decided) throw new ConflictError(`suggestion ${suggestionId} was already decided`);
    const change = {
      action: item.current ? 'edit' : 'create',
      authorId: item.suggestion.submitter.userId,
      suggestionId,
      note: `approved by moderator ${actor.user.id}`,
    } as const;
    let written: Place | null;
    if (item.current) {
      written = await repos.places.update(item.current.id, data, change);
    } else {
      written = await repos.places.insert(data, change);
      await repos.contributions.setSuggestionPlace(suggestionId, written.id);
    }
    if (!written) throw new NotFoundError(`place ${item.suggestion.placeId}`);
    await audit(
      repos,
      actor,
      'approve-suggestion',
      `suggestion:${suggestionId}`,
      { place: written.id, edited: Boolean(edited) },
      now,
    );
    return written;
  });
  await tellSubmitter(ctx, item.suggestion, true, null, place);
  return place;
}

export async function rejectSuggestion(
  ctx: AppContext,
  actor: Actor,
  suggestionId: number,
  rawReason: unknown,
): Promise<void> {
  requireModerator(actor);
  const reason = checkedReason(rawReason, true);
  const suggestion = await ctx.storage.contributions.suggestion(suggestionId);
  if (!suggestion) throw new NotFoundError(`suggestion ${suggestionId}`);
  const now = ctx.now();
  await ctx.storage.transaction(async (repos) => {
    const decided = await repos.contributions.reviewSuggestion(suggestionId, {
      status: 'rejected',
      reviewerId: actor.user.id,
      reason,
      at: now.toISOString(),
    });
    if (!decided) throw new ConflictError(`suggestion ${suggestionId} was already decided`);
    await audit(repos, actor, 'reject-suggestion', `suggestion:${suggestionId}`, { reason }, now);
  });
  await tellSubmitter(ctx, suggestion, false, reason, null);
}

async function tellSubmitter(
  ctx: AppContext,
  suggestion: Suggestion,
  approved: boolean,
  reason: string | null,
  place: Place | null,
): Promise<void> {
  const to = suggestion.submitter.email;
  if (!to) return;
  const data = place ?? suggestion.data;
  const placeName =
    data.names[suggestion.submitter.locale] ??
    data.names[data.originalLocale] ??
    Object.values(data.names)[0] ??
    '';
  await ctx.notifier.notify(to, suggestion.submitter.locale, {
    kind: 'suggestion-decided',
    approved,
    placeName,
    reason,
    path: place ? placePath(place) : null,
  });
  // The address was left for this one message: once it is sent, it is not kept.
  await ctx.storage.contributions.forgetSubmitterEmails('suggestions', [suggestion.id]);
}
