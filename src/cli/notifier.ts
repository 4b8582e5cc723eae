import pino from 'pino';
import type { Config } from '../config.ts';
import { createMailer } from '../gateways/mailer.ts';
import { mailNotifier } from '../notifications/mail-notifier.ts';
import type { Notifier } from '../usecases/notifications.ts';

/** The server's and the commands' notifier: SMTP when configured, else mails and links in the log. */
export function cliNotifier(config: Config): Notifier {
  const siteUrl =
    config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const log = pino({ level: config.logLevel });
  const mailer = createMailer(config.smtpUrl, config.mailFrom, (message, fields) =>
    log.info(fields, message),
  );
  return mailNotifier(mailer, siteUrl);
}
