import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  url: string;
  mails: ParsedMail[];
  /** Waits for the next mail to `to` and returns its text. */
  next(to: string): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every mail it receives, parsed. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: ParsedMail[] = [];
  const waiting: { to: string; resolve: (mail: ParsedMail) => void }[] = [];
  const recipient = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const index = waiting.findIndex((w) => w.to === recipient(mail));
          if (index >= 0) waiting.splice(index, 1)[0]?.resolve(mail);
          else mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next(to) {
      const index = mails.findIndex((m) => recipient(m) === to);
      if (index >= 0) return Promise.resolve(mails.splice(index, 1)[0] as ParsedMail);
      return new Promise((resolve) => waiting.push({ to, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to this site in a mail's text. */
export function linkIn(mail: ParsedMail, site: string): string {
  const match = new RegExp(`${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no link to ${site} in: ${mail.text}`);
  return match[0];
}
