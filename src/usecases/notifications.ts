import type { Locale } from '../domain/locales.ts';
import type { ReviewCounts } from '../storage/repositories.ts';

/**
 * What the product tells people by e-mail. Use cases say what happened; the notifier words it in the
 * recipient's locale and sends it. `path` is a link on this site without the locale prefix.
 */
export type Notice =
  | { kind: 'verify-email'; path: string }
  | { kind: 'reset-password'; path: string }
  | { kind: 'login-link'; path: string }
  | { kind: 'account-exists'; path: string }
  | {
      kind: 'suggestion-decided';
      approved: boolean;
      placeName: string;
      reason: string | null;
      path: string | null;
    }
  | { kind: 'claim-decided'; approved: boolean; placeName: string; reason: string | null; path: string }
  | { kind: 'report-resolved'; placeName: string; path: string | null }
  | {
      kind: 'event-change-decided';
      approved: boolean;
      eventTitle: string;
      reason: string | null;
      path: string;
    }
  | { kind: 'moderation-digest'; counts: ReviewCounts; path: string };

export interface Notifier {
  notify(to: string, locale: Locale, notice: Notice): Promise<void>;
}

/**
 * Used where no notifier was configured (scripts, tests that do not read mail): notices go to stderr as one
 * JSON line each, links included, like the mail notifier does without SMTP.
 */
export const stderrNotifier: Notifier = {
  async notify(to, locale, notice) {
    process.stderr.write(`${JSON.stringify({ msg: 'notice not mailed', to, locale, notice })}\n`);
  },
};
