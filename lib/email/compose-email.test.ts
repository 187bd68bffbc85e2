import { describe, expect, it } from 'vitest';
import { composeNotificationEmail } from './compose-email';

describe('composeNotificationEmail', () => {
  it('makes a one-line subject and a text body with an absolute link', () => {
    const mail = composeNotificationEmail(
      { title: 'Preparation reminder\r\nBcc: evil@example.com', body: 'Missing:\r\n- Pathology report', link: '/cases/c1' },
      'https://konsil.hospital.example',
    );
    expect(mail.subject).toBe('[Konsil] Preparation reminder Bcc: evil@example.com');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Missing:\n- Pathology report');
    expect(mail.text).toContain('Open in Konsil: https://konsil.hospital.example/cases/c1');
  });

  it('keeps markup as the literal text it is and works without a base URL or link', () => {
    const mail = composeNotificationEmail({ title: 'x', body: '<b>not bold</b>', link: '/notifications' }, undefined);
    expect(mail.text).toContain('<b>not bold</b>');
    expect(mail.text).toContain('Open in Konsil: /notifications');
    expect(composeNotificationEmail({ title: 'x', body: 'y', link: null }, undefined).text).not.toContain('Open in Konsil');
  });
});
