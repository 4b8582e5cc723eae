import type { Actor } from '../../domain/accounts/user.ts';
import { isEmail, normaliseEmail } from '../../domain/accounts/user.ts';
import {
  isReportKind,
  MAX_COMMENT_LENGTH,
  REPORT_KINDS,
  type Report,
} from '../../domain/contributions/contribution.ts';
import { InputError, NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../domain/locales.ts';
import type { Place } from '../../domain/places/place.ts';
import type { AppContext } from '../context.ts';
import { checkRate, RATE_RULES } from '../rate-limit.ts';
import { actorId } from './audit.ts';
import { requireModerator } from './review-suggestion.ts';

/** Anyone can say a place is closed, moved, wrong, a duplicate, spam or unsafe; moderators see it grouped. */
export async function reportPlace(
  ctx: AppContext,
  actor: Actor,
  placeId: number,
  input: { kind?: unknown; message?: unknown; email?: unknown },
  ip: string,
  /** The language the report was written in: the reporter hears the outcome in it. */
  locale: Locale,
): Promise<Report> {
  const place = await ctx.storage.places.get(placeId);
  if (!place || place.status === 'pending' || place.status === 'deleted')
    throw new NotFoundError(`place ${placeId}`);
  const kind = typeof input.kind === 'string' ? input.kind : '';
  if (!isReportKind(kind))
    throw new InputError('kind', `must be one of ${REPORT_KINDS.join(', ')}`, 'reportKind');
  const message = typeof input.message === 'string' ? input.message.trim() : '';
  if (message.length > MAX_COMMENT_LENGTH)
    throw new InputError('message', `must be at most ${MAX_COMMENT_LENGTH} characters`, 'tooLong', {
      max: MAX_COMMENT_LENGTH,
    });
  let email: string | null = actor.kind === 'user' && actor.user.emailVerified ? actor.user.email : null;
  if (actor.kind === 'visitor' && typeof input.email === 'string' && input.email.trim()) {
    email = normaliseEmail(input.email);
    if (!isEmail(email))
      throw new InputError('email', 'must be an e-mail address (or leave it empty)', 'emailOptional');
  }
  const keys = [`report:ip:${ip}`];
  if (actor.kind === 'user') keys.push(`report:user:${actor.user.id}`);
  await checkRate(ctx, RATE_RULES.report, keys);
  return ctx.storage.contributions.addReport({
    placeId,
    kind,
    message: message || null,
    submitter: { userId: actorId(actor), email, locale },
    createdAt: ctx.now().toISOString(),
  });
}

export interface ReportGroup {
  place: Place;
  count: number;
  byKind: Partial<Record<Report['kind'], number>>;
  reports: Report[];
}

/** Open reports grouped per place, the most reported first. */
export async function openReports(ctx: AppContext, actor: Actor, limit = 500): Promise<ReportGroup[]> {
  requireModerator(actor);
  const reports = await ctx.storage.contributions.reports({ status: 'open', limit });
  const byPlace = new Map<number, Report[]>();
  for (const r of reports) byPlace.set(r.placeId, [...(byPlace.get(r.placeId) ?? []), r]);
  const places = new Map((await ctx.storage.places.getMany([...byPlace.keys()])).map((p) => [p.id, p]));
  const groups: ReportGroup[] = [];
  for (const [placeId, list] of byPlace) {
    const place = places.get(placeId);
    if (!place) continue;
    const byKind: ReportGroup['byKind'] = {};
    for (const r of list) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    groups.push({ place, count: list.length, byKind, reports: list });
  }
  return groups.sort((a, b) => b.count - a.count || a.place.id - b.place.id);
}
