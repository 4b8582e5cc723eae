import type { Locale } from '../domain/locales.ts';
import type { Mailer, MailMessage } from '../gateways/mailer.ts';
import type { Notice, Notifier } from '../usecases/notifications.ts';
import { t } from '../web/i18n/index.ts';
import { localePath } from '../web/locale.ts';

/** Words each notice in the recipient's locale as a plain-text mail with absolute links. */
export function mailNotifier(mailer: Mailer, siteUrl: string): Notifier {
  const base = siteUrl.replace(/\/+$/, '');
  return {
    async notify(to, locale, notice) {
      await mailer.send({
        to,
        ...compose(locale, notice, (path) => `${base}${localePath(locale, path.replace(/^\//, ''))}`),
      });
    },
  };
}

export function compose(
  locale: Locale,
  notice: Notice,
  link: (path: string) => string,
): Omit<MailMessage, 'to'> {
  const tr = t(locale);
  const m = tr.m.community.mail;
  const lines = (...parts: (string | null)[]) =>
    [m.greeting, '', ...parts.filter((p) => p !== null), '', m.signature].join('\n');
  switch (notice.kind) {
    case 'verify-email':
      return { subject: m.verifySubject, text: lines(m.verifyText, link(notice.path), '', m.linkOnce) };
    case 'reset-password':
      return { subject: m.resetSubject, text: lines(m.resetText, link(notice.path), '', m.linkOnce) };
    case 'login-link':
      return { subject: m.loginSubject, text: lines(m.loginText, link(notice.path), '', m.linkOnce) };
    case 'account-exists':
      return { subject: m.existsSubject, text: lines(m.existsText, link(notice.path), '', m.linkOnce) };
    case 'suggestion-decided': {
      const vars = { name: notice.placeName };
      return notice.approved
        ? {
            subject: tr.format(m.approvedSubject, vars),
            text: lines(tr.format(m.approvedText, vars), notice.path ? link(notice.path) : null),
          }
        : {
            subject: tr.format(m.rejectedSubject, vars),
            text: lines(tr.format(m.rejectedText, vars), notice.reason),
          };
    }
    case 'claim-decided': {
      const vars = { name: notice.placeName };
      return notice.approved
        ? {
            subject: tr.format(m.claimApprovedSubject, vars),
            text: lines(m.claimApprovedText, link(notice.path)),
          }
        : {
            subject: tr.format(m.claimRejectedSubject, vars),
            text: lines(m.claimRejectedText, notice.reason),
          };
    }
    case 'report-resolved': {
      const vars = { name: notice.placeName };
      return {
        subject: tr.format(m.reportResolvedSubject, vars),
        text: lines(tr.format(m.reportResolvedText, vars), notice.path ? link(notice.path) : null),
      };
    }
    case 'event-change-decided': {
      const vars = { name: notice.eventTitle };
      return notice.approved
        ? {
            subject: tr.format(m.eventChangeApprovedSubject, vars),
            text: lines(tr.format(m.eventChangeApprovedText, vars), link(notice.path)),
          }
        : {
            subject: tr.format(m.eventChangeRejectedSubject, vars),
            text: lines(tr.format(m.eventChangeRejectedText, vars), notice.reason),
          };
    }
    case 'moderation-digest': {
      const { counts } = notice;
      const count = counts.suggestions + counts.reports + counts.claims + counts.events;
      return {
        subject: tr.format(m.digestSubject, { count }),
        text: lines(tr.format(m.digestText, { ...counts }), link(notice.path)),
      };
    }
  }
}
