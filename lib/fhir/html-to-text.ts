// HTML report bodies become plain text: block elements become line breaks, every
// tag is dropped, character references are decoded. Konsil stores report text as
// plain text and renders it as React text, so nothing of the markup survives and
// nothing in it is ever interpreted; this only has to keep the words readable.
// Script, style and head contents are dropped with their tags (they are not words).

const DROP_WITH_CONTENT = /<(script|style|head|title|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const LINE_BREAK = /<br\s*\/?>/gi;
const BLOCK_END = /<\/(p|div|h[1-6]|tr|table|ul|ol|section|article|header|footer|blockquote|pre|dl|dt|dd)\s*>/gi;
const BLOCK_START = /<(p|div|h[1-6]|tr|table|ul|ol|section|article|header|footer|blockquote|pre|dl|dt|dd)\b[^>]*>/gi;
const LIST_ITEM = /<li\b[^>]*>/gi;
const CELL_END = /<\/(td|th)\s*>/gi;
const ANY_TAG = /<\/?[a-zA-Z!?][^>]*>/g;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', ccedil: 'ç', ntilde: 'ñ',
  deg: '°', micro: 'µ', plusmn: '±', times: '×', middot: '·', ndash: '–', mdash: '—',
  le: '≤', ge: '≥', hellip: '…', laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  sup2: '²', sup3: '³', frac12: '½', euro: '€', copy: '©', reg: '®',
};

export function htmlToText(html: string): string {
  const text = html
    .replace(COMMENT, '')
    .replace(DROP_WITH_CONTENT, '')
    .replace(LINE_BREAK, '\n')
    .replace(LIST_ITEM, '\n- ')
    .replace(BLOCK_END, '\n')
    .replace(BLOCK_START, '\n')
    .replace(CELL_END, '\t')
    .replace(ANY_TAG, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, decodeReference);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').replace(/\t+/g, '\t').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeReference(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  }
  return NAMED[name] ?? whole;
}
