// HTML report bodies become plain text with html-to-text (a maintained HTML
// parser, not regular expressions): tags dropped, scripts and styles dropped with
// their content, character references decoded, tables as aligned columns. Konsil
// stores report text as plain text and renders it as React text, so nothing of the
// markup survives and nothing in it is ever interpreted; this keeps the words readable.
import { convert } from 'html-to-text';

const options = {
  wordwrap: false as const,
  selectors: [
    // Headings keep their case (report headings are not shouted).
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    // Link targets and images are not report words.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
  ],
};

export function htmlToText(html: string): string {
  // Non-breaking spaces become plain spaces, so search and the extractors see "4,2 cm".
  return convert(html, options).replace(/\u00a0/g, ' ').trim();
}
