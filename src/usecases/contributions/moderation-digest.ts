import type { AppContext } from '../context.ts';

/**
 * Mails every moderator and admin who wants it (account page) how much waits in the queue. Run it from cron
 * (`npx kvartal digest`) as often as the community needs; an empty queue sends nothing.
 */
export async function sendModerationDigest(ctx: AppContext): Promise<{ sent: number; waiting: number }> {
  const counts = await ctx.storage.contributions.pendingCounts();
  const waiting = counts.suggestions + counts.reports + counts.claims + counts.events;
  if (waiting === 0) return { sent: 0, waiting };
  const moderators = await ctx.storage.users.list({ roles: ['moderator', 'admin'], limit: 1000 });
  let sent = 0;
  for (const user of moderators) {
    if (!user.notifyDigest || !user.email || !user.emailVerified) continue;
    await ctx.notifier.notify(user.email, user.locale, {
      kind: 'moderation-digest',
      counts,
      path: '/moderation',
    });
    sent++;
  }
  return { sent, waiting };
}
