import { canAdminister, canSetStatus } from '../../domain/accounts/permissions.ts';
import type { Actor } from '../../domain/accounts/user.ts';
import type { Report } from '../../domain/contributions/contribution.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import { PLACE_STATUSES, type Place, type PlaceStatus } from '../../domain/places/place.ts';
import { fillBlanks } from '../../domain/places/place-changes.ts';
import type { AppContext } from '../context.ts';
import { actorId, audit } from './audit.ts';
import { tellReporters } from './report-outcomes.ts';
import { requireModerator } from './review-suggestion.ts';

async function existing(ctx: AppContext, placeId: number): Promise<Place> {
  const place = await ctx.storage.places.get(placeId);
  if (!place) throw new NotFoundError(`place ${placeId}`);
  return place;
}

/** Writes an older version's content as the newest version: nothing is lost, the revert is itself undoable. */
export async function revertPlace(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  version: number,
): Promise<Place> {
  requireModerator(actor);
  const place = await existing(ctx, placeId);
  const target = await ctx.storage.places.version(placeId, version);
  if (!target) throw new InputError('version', `place ${placeId} has no version ${version}`);
  const now = ctx.now();
  return ctx.storage.transaction(async (repos) => {
    const written = await repos.places.update(
      placeId,
      { ...target.data, isDemo: place.isDemo },
      {
        action: 'revert',
        authorId: actor.user.id,
        note: `reverted to version ${version}`,
      },
    );
    if (!written) throw new NotFoundError(`place ${placeId}`);
    await audit(repos, actor, 'revert', `place:${placeId}`, { to: version, from: place.version }, now);
    return written;
  });
}

/**
 * Close, reopen, delete or restore. Deleting is a status like any other, so it is reversible; owners may
 * close and reopen their own place, everything else is for moderators.
 */
export async function setPlaceStatus(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  rawStatus: unknown,
  rawNote?: unknown,
): Promise<Place> {
  const status = String(rawStatus ?? '');
  if (!(PLACE_STATUSES as readonly string[]).includes(status) || status === 'pending')
    throw new InputError('status', 'must be active, closed or deleted');
  if (!canSetStatus(actor, placeId, status))
    throw new ForbiddenError("you may not change this place's status");
  const place = await existing(ctx, placeId);
  const note = typeof rawNote === 'string' ? rawNote.trim().slice(0, 500) : '';
  const now = ctx.now();
  let resolved: Report[] = [];
  const changed = await ctx.storage.transaction(async (repos) => {
    const written = await repos.places.update(
      placeId,
      { ...place, status: status as PlaceStatus },
      {
        action: 'status',
        authorId: actorId(actor),
        note: note || `status ${place.status} → ${status}`,
      },
    );
    if (!written) throw new NotFoundError(`place ${placeId}`);
    if (actor.kind === 'user') {
      await audit(
        repos,
        actor,
        'set-status',
        `place:${placeId}`,
        { from: place.status, to: status, note },
        now,
      );
      if (status !== 'active')
        resolved = await repos.contributions.resolveReports(placeId, {
          resolverId: actor.user.id,
          resolution: `status ${status}`,
          at: now.toISOString(),
        });
    }
    return written;
  });
  await tellReporters(ctx, changed, resolved);
  return changed;
}

/** Closes a place's open reports without changing the place (the report was wrong, or fixed by an edit). */
export async function resolveReports(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  rawResolution: unknown,
): Promise<number> {
  requireModerator(actor);
  const resolution =
    typeof rawResolution === 'string' && rawResolution.trim()
      ? rawResolution.trim().slice(0, 500)
      : 'resolved';
  const place = await existing(ctx, placeId);
  const now = ctx.now();
  const resolved = await ctx.storage.transaction(async (repos) => {
    const closed = await repos.contributions.resolveReports(placeId, {
      resolverId: actor.user.id,
      resolution,
      at: now.toISOString(),
    });
    await audit(
      repos,
      actor,
      'resolve-reports',
      `place:${placeId}`,
      { count: closed.length, resolution },
      now,
    );
    return closed;
  });
  await tellReporters(ctx, place, resolved);
  return resolved.length;
}

/**
 * Merges `duplicateId` into `keepId`: the kept place gains what only the duplicate knew, the duplicate is
 * marked deleted (its history stays) and its address redirects to the kept place.
 */
export async function mergePlaces(
  ctx: AppContext,
  actor: Actor,
  duplicateId: number,
  keepId: number,
): Promise<Place> {
  requireModerator(actor);
  if (duplicateId === keepId)
    throw new InputError('into', 'a place cannot be merged into itself', 'mergeSelf');
  const duplicate = await existing(ctx, duplicateId);
  const keep = await existing(ctx, keepId);
  if (keep.status === 'deleted') throw new ConflictError(`place ${keepId} is deleted; restore it first`);
  const now = ctx.now();
  let answered: Report[] = [];
  const merged = await ctx.storage.transaction(async (repos) => {
    const note = `merged place ${duplicateId} into ${keepId}`;
    const kept = await repos.places.update(keepId, fillBlanks(keep, duplicate), {
      action: 'merge',
      authorId: actor.user.id,
      note,
    });
    await repos.places.update(
      duplicateId,
      { ...duplicate, status: 'deleted' },
      { action: 'merge', authorId: actor.user.id, note },
    );
    await repos.places.addRedirect(duplicateId, keepId);
    // The duplicate's open reports are answered by the merge; only its history and claims move along.
    answered = await repos.contributions.resolveReports(duplicateId, {
      resolverId: actor.user.id,
      resolution: note,
      at: now.toISOString(),
    });
    await repos.contributions.moveToPlace(duplicateId, keepId);
    await audit(repos, actor, 'merge', `place:${duplicateId}`, { into: keepId }, now);
    if (!kept) throw new NotFoundError(`place ${keepId}`);
    return kept;
  });
  // The duplicate's reporters hear about the place it became.
  await tellReporters(ctx, merged, answered);
  return merged;
}

/** Removes a place and its whole history for a legal reason; only admins, always logged with the reason. */
export async function purgePlace(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  rawReason: unknown,
): Promise<void> {
  if (!canAdminister(actor) || actor.kind !== 'user') throw new ForbiddenError('only admins can purge');
  const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
  if (reason.length < 5)
    throw new InputError('reason', 'state the legal reason for the purge', 'purgeReason');
  await existing(ctx, placeId);
  const now = ctx.now();
  await ctx.storage.transaction(async (repos) => {
    await repos.places.purge(placeId);
    await audit(repos, actor, 'purge', `place:${placeId}`, { reason: reason.slice(0, 1000) }, now);
  });
}
