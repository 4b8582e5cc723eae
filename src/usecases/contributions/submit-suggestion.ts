import { editsDirectly, publishesNewPlacesDirectly } from '../../domain/accounts/permissions.ts';
import type { Actor } from '../../domain/accounts/user.ts';
import { isEmail, normaliseEmail } from '../../domain/accounts/user.ts';
import { MAX_COMMENT_LENGTH, type Suggestion } from '../../domain/contributions/contribution.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import { publicView } from '../../domain/places/approximate-position.ts';
import type { Place, PlaceData } from '../../domain/places/place.ts';
import { changedFields } from '../../domain/places/place-changes.ts';
import type { AppContext } from '../context.ts';
import { type PlaceInput, placeInputOf, preparePlace } from '../prepare-place.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { actorId, audit } from './audit.ts';

/** What comes with a suggestion besides the place: who may be told the outcome, and the anti-spam result. */
export interface SubmissionMeta {
  locale: Locale;
  ip: string;
  /** A visitor's address for the outcome (optional); a signed-in user's own address is used instead. */
  email?: unknown;
  comment?: unknown;
  proofOfWork: boolean;
}

export interface SubmissionResult {
  suggestion: Suggestion;
  /** Set when the change went live at once (trusted people, owners, moderators). */
  place: Place | null;
}

/** Who sent it and their note, checked: the form's own fields are refused before anything else is looked at. */
export function submitterOf(actor: Actor, meta: SubmissionMeta) {
  let email: string | null = null;
  if (actor.kind === 'user') email = actor.user.emailVerified ? actor.user.email : null;
  else if (typeof meta.email === 'string' && meta.email.trim()) {
    email = normaliseEmail(meta.email);
    if (!isEmail(email))
      throw new InputError('email', 'must be an e-mail address (or leave it empty)', 'emailOptional');
  }
  const comment = typeof meta.comment === 'string' ? meta.comment.trim() : '';
  if (comment.length > MAX_COMMENT_LENGTH)
    throw new InputError('comment', `must be at most ${MAX_COMMENT_LENGTH} characters`, 'tooLong', {
      max: MAX_COMMENT_LENGTH,
    });
  return { submitter: { userId: actorId(actor), email, locale: meta.locale }, comment: comment || null };
}

/**
 * The budget of what strangers send in (places, changes, events): per address and per account, tighter for
 * forms sent without the proof of work.
 */
export async function limitSubmissions(
  ctx: AppContext,
  actor: Actor,
  meta: Pick<SubmissionMeta, 'ip' | 'proofOfWork'>,
): Promise<void> {
  const rule = meta.proofOfWork ? RATE_RULES.suggestion : RATE_RULES.suggestionWithoutProof;
  const keys = [`suggest:ip:${meta.ip}${meta.proofOfWork ? '' : ':no-proof'}`];
  if (actor.kind === 'user') keys.push(`suggest:user:${actor.user.id}`);
  await checkRate(ctx, rule, keys);
}

/** A new place: live at once from trusted people and moderators, otherwise waiting in the moderation queue. */
export async function suggestPlace(
  ctx: AppContext,
  actor: Actor,
  input: PlaceInput,
  meta: SubmissionMeta,
): Promise<SubmissionResult> {
  const direct = publishesNewPlacesDirectly(actor);
  const data = preparePlace({ ...input, status: 'active' }, ctx.taxonomy, { provenance: { source: 'web' } });
  const { submitter, comment } = submitterOf(actor, meta);
  await limitSubmissions(ctx, actor, meta);
  const now = ctx.now();
  return ctx.storage.transaction(async (repos) => {
    const suggestion = await repos.contributions.addSuggestion({
      kind: 'new',
      placeId: null,
      baseVersion: null,
      data,
      comment,
      submitter,
      proofOfWork: meta.proofOfWork,
      status: direct ? 'approved' : 'pending',
      createdAt: now.toISOString(),
    });
    if (!direct) return { suggestion, place: null };
    const place = await repos.places.insert(data, {
      action: 'create',
      authorId: actorId(actor),
      suggestionId: suggestion.id,
    });
    await repos.contributions.setSuggestionPlace(suggestion.id, place.id);
    return { suggestion: { ...suggestion, placeId: place.id }, place };
  });
}

/**
 * The fields an edit changed, applied to the place as it is now: an edit made against an older version
 * changes only what its author changed and keeps what others changed since.
 */
export function rebaseEdit(current: PlaceData, base: PlaceData, proposed: PlaceData): PlaceData {
  const before = publicView(base);
  const merged: PlaceData = { ...current };
  const changed = changedFields(before, proposed);
  for (const field of changed) {
    (merged as unknown as Record<string, unknown>)[field] = proposed[field];
  }
  // A position moves as a pair, even when only one coordinate changed.
  if (changed.includes('lon') || changed.includes('lat')) {
    merged.lon = proposed.lon;
    merged.lat = proposed.lat;
  }
  return merged;
}

/** An edit of a place: live at once from its owner, trusted people and moderators, otherwise queued. */
export async function suggestEdit(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  input: PlaceInput,
  meta: SubmissionMeta,
): Promise<SubmissionResult> {
  const current = await ctx.storage.places.get(placeId);
  if (!current || current.status === 'pending' || current.status === 'deleted')
    throw new NotFoundError(`place ${placeId}`);
  const direct = editsDirectly(actor, placeId);
  // Status is not part of an edit: closing, deleting and restoring have their own actions.
  const before = placeInputOf(current);
  // A form edits the names and descriptions of its own locale: the other locales' texts stay.
  const merged: PlaceInput = {
    ...before,
    ...input,
    names: { ...before.names, ...input.names },
    descriptions: { ...before.descriptions, ...input.descriptions },
    contacts: { ...before.contacts, ...input.contacts },
    status: current.status,
  };
  const data = preparePlace(merged, ctx.taxonomy, {
    provenance: current.provenance,
    isDemo: current.isDemo,
  });
  const { submitter, comment } = submitterOf(actor, meta);
  await limitSubmissions(ctx, actor, meta);
  const now = ctx.now();
  return ctx.storage.transaction(async (repos) => {
    const suggestion = await repos.contributions.addSuggestion({
      kind: 'edit',
      placeId,
      baseVersion: current.version,
      data,
      comment,
      submitter,
      proofOfWork: meta.proofOfWork,
      status: direct ? 'approved' : 'pending',
      createdAt: now.toISOString(),
    });
    if (!direct) return { suggestion, place: null };
    const place = await repos.places.update(placeId, data, {
      action: 'edit',
      authorId: actorId(actor),
      suggestionId: suggestion.id,
    });
    if (actor.kind === 'user' && actor.user.role === 'contributor') {
      await audit(repos, actor, 'owner-edit', `place:${placeId}`, { suggestion: suggestion.id }, now);
    }
    return { suggestion, place };
  });
}
