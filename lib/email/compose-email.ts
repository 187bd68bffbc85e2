// A notification as an e-mail: plain text only (no HTML part, so nothing in it can be
// markup), a subject without line breaks (no header injection), and an absolute link
// when Konsil's public URL is known. Pure.
export interface NotificationForEmail {
  title: string;
  body: string;
  link: string | null;
}

export interface ComposedEmail {
  subject: string;
  text: string;
}

const SUBJECT_MAX = 200;

export function composeNotificationEmail(notification: NotificationForEmail, baseUrl: string | undefined): ComposedEmail {
  const subject = `[Konsil] ${notification.title}`.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, SUBJECT_MAX);
  const lines = [notification.body.replace(/\r\n?/g, '\n').trim()];
  if (notification.link) {
    const href = baseUrl && notification.link.startsWith('/') ? new URL(notification.link, baseUrl).toString() : notification.link;
    lines.push('', `Open in Konsil: ${href}`);
  }
  lines.push('', '--', 'Sent by Konsil, the tumor board system. You get this because you are on the case or the board.');
  return { subject, text: lines.join('\n') };
}
