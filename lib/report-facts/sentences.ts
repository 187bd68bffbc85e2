// Splits a report into sentences with their offsets. Report text is line-based
// (headers, list items, "Lungs: ..." rows), so a line break always ends a
// sentence; within a line a period, "!" or "?" followed by white space does,
// except after the abbreviations reports use ("approx.", "vs.") or an
// enumerator ("2. Hyperattenuating lesion"), which would otherwise cut a value
// from its context ("Ki-67 approx. 20%").
import type { Sentence } from './types';

const ABBREVIATIONS = new Set(['approx', 'ca', 'vs', 'e.g', 'i.e', 'eg', 'ie', 'dr', 'prof', 'fig', 'max', 'min', 'incl', 'resp', 'cf', 'al', 'st', 'mr', 'mrs', 'ms', 'pat', 'ref']);
// "No." is "number" only before a digit; otherwise it is the answer that ends a sentence.
const NUMBER_ABBREVIATIONS = new Set(['no', 'nr']);
const BOUNDARY = /[.!?](?=\s|$)|\n/g;
const WORD_BEFORE = /([A-Za-z.]+|\d{1,2})$/;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + 1;
    if (m[0] !== '\n' && !endsSentence(text, start, m.index)) continue;
    push(sentences, text, start, m[0] === '\n' ? m.index : end);
    start = end;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function endsSentence(text: string, start: number, dot: number): boolean {
  if (text[dot] !== '.') return true;
  const before = text.slice(Math.max(start, dot - 12), dot);
  const word = WORD_BEFORE.exec(before)?.[1];
  if (!word) return true;
  if (/^\d{1,2}$/.test(word)) return text.slice(start, dot).trim() !== word; // "2." opening a list item
  const lower = word.toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(lower)) return !/^\s*\d/.test(text.slice(dot + 1, dot + 4));
  return !ABBREVIATIONS.has(lower);
}

function push(out: Sentence[], text: string, from: number, to: number) {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s });
}
