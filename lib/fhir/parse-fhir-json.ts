// Reading an uploaded or posted FHIR JSON text. JSON.parse on Node 20 says *what*
// is wrong but not *where*; people fixing an export by hand need the line and
// column. So when JSON.parse refuses, a small scanner walks the text again and
// names the first position that breaks the JSON grammar (RFC 8259). The message
// never quotes the text itself: it may hold patient data and it ends up in logs.
import { FhirInputError } from './fhir-input-error';

/** Parses FHIR JSON text; throws FhirInputError ("Invalid JSON at line 3, column 17: …") when it is not JSON. */
export function parseFhirJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 BOM is common in exports
  if (body.trim() === '') throw new FhirInputError('The file is empty: expected a FHIR resource or Bundle in JSON.');
  try {
    return JSON.parse(body);
  } catch (error) {
    const found = findJsonSyntaxError(body);
    const where = found ? lineAndColumn(body, found.index) : null;
    const message = where
      ? `Invalid JSON at line ${where.line}, column ${where.column}: ${found!.message}`
      : `Invalid JSON: ${(error as Error).message}`;
    throw new FhirInputError(message, { cause: error });
  }
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

type Container = { kind: 'object'; state: 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end' } | { kind: 'array'; state: 'value-or-end' | 'value' | 'comma-or-end' };

/**
 * The first grammar error in `text` (iterative, so deeply nested input cannot
 * overflow the stack), or null when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): { index: number; message: string } | null {
  const stack: Container[] = [];
  let i = skipWhitespace(text, 0);
  let done = false; // the top-level value is complete

  const describe = (index: number) => (index >= text.length ? 'the text ended' : `unexpected character ${JSON.stringify(text[index])}`);

  while (true) {
    i = skipWhitespace(text, i);
    const top = stack[stack.length - 1];
    if (!top) {
      if (done) return i < text.length ? { index: i, message: 'unexpected text after the end of the JSON value' } : null;
    } else if (top.kind === 'object') {
      if (top.state === 'colon') {
        if (text[i] !== ':') return { index: i, message: `expected ':' after a property name, but ${describe(i)}` };
        top.state = 'value';
        i++;
        continue;
      }
      if (top.state === 'comma-or-end') {
        if (text[i] === ',') {
          top.state = 'key';
          i++;
          continue;
        }
        if (text[i] === '}') {
          stack.pop();
          i++;
          if (stack.length === 0) done = true;
          continue;
        }
        return { index: i, message: `expected ',' or '}' after a property value, but ${describe(i)}` };
      }
      if (top.state === 'key-or-end' || top.state === 'key') {
        if (top.state === 'key-or-end' && text[i] === '}') {
          stack.pop();
          i++;
          if (stack.length === 0) done = true;
          continue;
        }
        if (text[i] !== '"') {
          const hint = top.state === 'key' && text[i] === '}' ? ' (a trailing comma is not allowed)' : '';
          return { index: i, message: `expected a property name in double quotes, but ${describe(i)}${hint}` };
        }
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        top.state = 'colon';
        continue;
      }
      // state 'value': fall through to read a value
    } else {
      if (top.state === 'comma-or-end') {
        if (text[i] === ',') {
          top.state = 'value';
          i++;
          continue;
        }
        if (text[i] === ']') {
          stack.pop();
          i++;
          if (stack.length === 0) done = true;
          continue;
        }
        return { index: i, message: `expected ',' or ']' after an array element, but ${describe(i)}` };
      }
      if (top.state === 'value-or-end' && text[i] === ']') {
        stack.pop();
        i++;
        if (stack.length === 0) done = true;
        continue;
      }
      if (top.state === 'value' && text[i] === ']') {
        return { index: i, message: 'expected a value, but the array ends after a comma (a trailing comma is not allowed)' };
      }
    }

    // Read one value.
    if (i >= text.length) return { index: i, message: 'the text ended before the JSON value was complete' };
    const c = text[i]!;
    if (top) top.state = 'comma-or-end';
    if (c === '{') {
      stack.push({ kind: 'object', state: 'key-or-end' });
      i++;
      continue;
    }
    if (c === '[') {
      stack.push({ kind: 'array', state: 'value-or-end' });
      i++;
      continue;
    }
    let end: number | { index: number; message: string };
    if (c === '"') end = scanString(text, i);
    else if (c === '-' || (c >= '0' && c <= '9')) end = scanNumber(text, i);
    else if (text.startsWith('true', i)) end = i + 4;
    else if (text.startsWith('false', i)) end = i + 5;
    else if (text.startsWith('null', i)) end = i + 4;
    else {
      const hint = c === "'" ? ' (strings need double quotes)' : '';
      return { index: i, message: `expected a value, but ${describe(i)}${hint}` };
    }
    if (typeof end !== 'number') return end;
    i = end;
    if (!top) done = true;
  }
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

function scanString(text: string, start: number): number | { index: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { index: i, message: 'a line break or control character inside a string (escape it, e.g. \\n)' };
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { index: i, message: 'invalid \\u escape in a string' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return { index: i, message: 'invalid escape sequence in a string' };
      i += 2;
      continue;
    }
    i++;
  }
  return { index: start, message: 'a string is not closed (missing ")' };
}

function scanNumber(text: string, start: number): number | { index: number; message: string } {
  const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match) return { index: start, message: 'invalid number' };
  return start + match[0].length;
}
