import { describe, expect, it } from 'vitest';
import { read, values } from '../test-helpers';

describe('margins', () => {
  it('reads the R class with its evidence', () => {
    expect(read('ypT2 ypN0 (0/16) R0, complete TME.', 'MARGIN')).toMatchObject([{ value: 'R0', evidence: 'R0' }]);
    expect(values('R1 (apex), R2, RX', 'MARGIN')).toEqual(['R1', 'R2', 'RX']);
  });

  it('reads margin status in either order', () => {
    expect(read('Resection margins: free (R0).', 'MARGIN').map((f) => [f.value, f.evidence])).toEqual([
      ['free', 'margins: free'],
      ['R0', 'R0'],
    ]);
    expect(values('clear margins', 'MARGIN')).toEqual(['free']);
    expect(values('Margin: focally positive at the apex', 'MARGIN')).toEqual(['involved']);
    expect(values('involved margin', 'MARGIN')).toEqual(['involved']);
    expect(values('margins are not involved', 'MARGIN')).toEqual(['free']);
    expect(values('margins free of tumor', 'MARGIN')).toEqual(['free']);
  });

  it('reads distances, converting to mm', () => {
    expect(values('closest margin 2 mm', 'MARGIN')).toEqual(['closest 2 mm']);
    expect(values('the closest (anterior) margin is 3 mm', 'MARGIN')).toEqual(['closest 3 mm']);
    expect(values('nearest margin 0.8 cm', 'MARGIN')).toEqual(['nearest 8 mm']);
    expect(values('CRM 7 mm', 'MARGIN')).toEqual(['CRM 7 mm']);
    expect(values('Margins: lateral 2 mm, deep 3 mm.', 'MARGIN')).toEqual(['lateral 2 mm', 'deep 3 mm']);
  });

  it('ignores margins of an imaging lesion, lymph node stations and ranges of classes', () => {
    for (const text of ['mass with spiculated margins, 27 mm', 'stations 10R and 11R', 'R0-R2 classification is pending']) {
      expect(read(text, 'MARGIN'), text).toEqual([]);
    }
  });
});
