import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('gives offsets that point back into the text', () => {
    const text = 'Findings:\n  Liver: two lesions.  No ascites.\n\nImpression: stable.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Findings:', 'Liver: two lesions.', 'No ascites.', 'Impression: stable.']);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('ends a sentence at every line break, even without a period', () => {
    expect(texts('ER positive (90%)\nPR negative')).toEqual(['ER positive (90%)', 'PR negative']);
  });

  it('keeps decimals, abbreviations and HGVS names inside their sentence', () => {
    expect(texts('Mass of 2.3 cm, Ki-67 approx. 20%. Sum 46 mm vs. 21 mm. EGFR p.E746_A750del detected.')).toEqual([
      'Mass of 2.3 cm, Ki-67 approx. 20%.',
      'Sum 46 mm vs. 21 mm.',
      'EGFR p.E746_A750del detected.',
    ]);
  });

  it('does not cut an enumerated item after its number, but does end at "?" and "!"', () => {
    expect(texts('1. Mass, 14 mm: known primary. 2. Nodule, 5 mm: new? Recheck!')).toEqual(['1. Mass, 14 mm: known primary.', '2. Nodule, 5 mm: new?', 'Recheck!']);
  });

  it('reads "No." as a number only before a digit', () => {
    expect(texts('Specimen No. 3 received. Metastasis: No. Margins free.')).toEqual(['Specimen No. 3 received.', 'Metastasis: No.', 'Margins free.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\n')).toEqual([]);
  });
});
