// The text of a DiagnosticReport's presentedForm attachments. Konsil stores plain
// text only: text/plain is decoded as sent (charset honoured); text/html and XHTML
// are converted to plain text (see html-to-text.ts) with a warning saying so;
// anything else (PDF, RTF, images) is skipped with a warning, because Konsil has
// no safe way to turn it into text and does not store binary reports. Attachments
// given only by URL are not fetched (no network calls during an import).
import type { Attachment, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { htmlToText } from './html-to-text';
import { warningIssue } from './issues';

const PLAIN = new Set(['text/plain']);
const HTML = new Set(['text/html', 'application/xhtml+xml']);

export function presentedFormText(forms: Attachment[] | undefined, path: string): { text?: string; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];
  const plain: string[] = [];
  const html: string[] = [];
  (forms ?? []).forEach((form, i) => {
    const where = `${path}.presentedForm[${i}]`;
    const [mediaType = '', ...params] = (form.contentType ?? '').split(';').map((p) => p.trim());
    const type = mediaType.toLowerCase();
    if (!PLAIN.has(type) && !HTML.has(type)) {
      issues.push(warningIssue(`Attachment of type "${form.contentType ?? 'unknown'}" not stored: Konsil keeps report text only (text/plain or text/html)`, where, 'not-supported'));
      return;
    }
    if (form.data === undefined) {
      if (form.url) issues.push(warningIssue('Attachment given only by URL not stored: Konsil does not fetch attachments during an import', where, 'not-supported'));
      return;
    }
    const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    const decoded = decode(Buffer.from(form.data, 'base64'), charset);
    (PLAIN.has(type) ? plain : html).push(decoded);
  });

  if (plain.length > 0) return { text: plain.join('\n\n').trim(), issues };
  if (html.length > 0) {
    issues.push(warningIssue('The report text was sent as HTML and stored as plain text (markup removed)', `${path}.presentedForm`, 'informational'));
    return { text: html.map(htmlToText).join('\n\n').trim(), issues };
  }
  return { issues };
}

function decode(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the FHIR default and right far more often than not.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
