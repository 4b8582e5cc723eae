import type { Report } from '../../domain/contributions/contribution.ts';
import { pickText } from '../../domain/locales.ts';
import type { Place } from '../../domain/places/place.ts';
import type { AppContext } from '../context.ts';
import { placePath } from '../present-place.ts';

/**
 * People who left an address with a report hear that a moderator dealt with it, in the language they wrote
 * the report in; then the address is erased — it was given for this one message.
 */
export async function tellReporters(
  ctx: AppContext,
  place: Place,
  reports: readonly Report[],
): Promise<void> {
  const told = new Set<string>();
  const withAddress = reports.filter((r) => r.submitter.email);
  for (const report of withAddress) {
    const email = report.submitter.email as string;
    if (told.has(email)) continue;
    told.add(email);
    const { locale } = report.submitter;
    await ctx.notifier.notify(email, locale, {
      kind: 'report-resolved',
      placeName: pickText(place.names, locale, place.originalLocale),
      path: place.status === 'deleted' ? null : placePath(place),
    });
  }
  await ctx.storage.contributions.forgetSubmitterEmails(
    'reports',
    withAddress.map((r) => r.id),
  );
}
