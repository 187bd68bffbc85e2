// Sends one e-mail through the configured SMTP server (nodemailer). Called only by the
// e-mail job (lib/jobs/email-worker.ts), never while a user waits.
import nodemailer from 'nodemailer';
import type { ComposedEmail } from './compose-email';

export interface SmtpConfig {
  url: string;
  from: string;
}

const transports = new Map<string, nodemailer.Transporter>();

function transportFor(url: string): nodemailer.Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a dead server fails the attempt quickly and the queue retries with backoff.
    transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(url, transport);
  }
  return transport;
}

export async function sendEmail(config: SmtpConfig, to: string, mail: ComposedEmail): Promise<{ messageId: string }> {
  const info = await transportFor(config.url).sendMail({ from: config.from, to, subject: mail.subject, text: mail.text });
  return { messageId: info.messageId };
}
