import type { Actor } from '../../domain/accounts/user.ts';
import { type Claim, MAX_COMMENT_LENGTH } from '../../domain/contributions/contribution.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../domain/errors.ts';
import type { Place } from '../../domain/places/place.ts';
import type { AppContext } from '../context.ts';
import { placePath } from '../present-place.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { audit } from './audit.ts';
import { requireModerator } from './review-suggestion.ts';

/** A signed-in user asks to be recognised as the place's owner, saying how a moderator can check it. */
export async function claimPlace(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  rawEvidence: unknown,
): Promise<Claim> {
  if (actor.kind !== 'user') throw new ForbiddenError('sign in to claim a place');
  const evidence = typeof rawEvidence === 'string' ? rawEvidence.trim() : '';
  if (evidence.length < 10)
    throw new InputError(
      'evidence',
      'say how a moderator can check that the place is yours (at least 10 characters)',
      'evidence',
    );
  if (evidence.length > MAX_COMMENT_LENGTH)
    throw new InputError('evidence', `must be at most ${MAX_COMMENT_LENGTH} characters`, 'tooLong', {
      max: MAX_COMMENT_LENGTH,
    });
  const place = await ctx.storage.places.get(placeId);
  if (!place || place.status === 'deleted' || place.status === 'pending')
    throw new NotFoundError(`place ${placeId}`);
  if (actor.ownedPlaceIds.includes(placeId)) throw new ConflictError('you already own this place');
  const open = await ctx.storage.contributions.claims({
    userId: actor.user.id,
    placeId,
    status: 'pending',
    limit: 1,
  });
  if (open.length) throw new ConflictError('your claim of this place is already waiting for a moderator');
  await checkRate(ctx, RATE_RULES.claim, [`claim:user:${actor.user.id}`]);
  return ctx.storage.contributions.addClaim({
    placeId,
    userId: actor.user.id,
    evidence,
    createdAt: ctx.now().toISOString(),
  });
}

export interface ClaimItem {
  claim: Claim;
  place: Place | null;
  claimant: { id: number; email: string | null; displayName: string | null } | null;
}

export async function pendingClaims(ctx: AppContext, actor: Actor): Promise<ClaimItem[]> {
  requireModerator(actor);
  const claims = await ctx.storage.contributions.claims({ status: 'pending', limit: 200 });
  return Promise.all(
    claims.map(async (claim) => {
      const user = await ctx.storage.users.get(claim.userId);
      return {
        claim,
        place: await ctx.storage.places.get(claim.placeId),
        claimant: user ? { id: user.id, email: user.email, displayName: user.displayName } : null,
      };
    }),
  );
}

export async function decideClaim(
  ctx: AppContext,
  actor: Actor,
  claimId: number,
  approved: boolean,
  rawReason: unknown,
): Promise<void> {
  requireModerator(actor);
  const reason = typeof rawReason === 'string' ? rawReason.trim().slice(0, 1000) : '';
  if (!approved && !reason)
    throw new InputError('reason', 'say why, so the person who claimed it understands', 'reasonRequired');
  const claim = await ctx.storage.contributions.claim(claimId);
  if (!claim) throw new NotFoundError(`claim ${claimId}`);
  const now = ctx.now();
  await ctx.storage.transaction(async (repos) => {
    const decided = await repos.contributions.reviewClaim(claimId, {
      status: approved ? 'approved' : 'rejected',
      reviewerId: actor.user.id,
      reason: reason || null,
      at: now.toISOString(),
    });
    if (!decided) throw new ConflictError(`claim ${claimId} was already decided`);
    await audit(
      repos,
      actor,
      approved ? 'approve-claim' : 'reject-claim',
      `claim:${claimId}`,
      { place: claim.placeId, reason },
      now,
    );
  });
  const user = await ctx.storage.users.get(claim.userId);
  const place = await ctx.storage.places.get(claim.placeId);
  if (user?.email && place) {
    await ctx.notifier.notify(user.email, user.locale, {
      kind: 'claim-decided',
      approved,
      placeName: place.names[user.locale] ?? place.names[place.originalLocale] ?? '',
      reason: reason || null,
      path: placePath(place),
    });
  }
}
