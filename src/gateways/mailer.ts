import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP when `SMTP_URL` is set (e.g. `smtp://user:pass@host:587`); otherwise every message, links included,
 * is written to the server log so a small instance works without a mail server.
 */
export function createMailer(
  smtpUrl: string | null,
  from: string,
  log: (message: string, fields: Record<string, string>) => void,
): Mailer {
  if (!smtpUrl) {
    return {
      async send(message) {
        log('mail not sent (no SMTP_URL); its text follows', {
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
