import { describe, expect, it } from 'vitest';
import { extractReportFacts } from '../extract-report-facts';
import { read, values } from '../test-helpers';

describe('PD-L1', () => {
  it('reads the clone and a named score', () => {
    const text = 'PD-L1 (22C3): TPS 80%.';
    expect(read(text, 'PDL1')).toMatchObject([{ value: 'TPS 80%', evidence: 'PD-L1 (22C3): TPS 80%', rule: 'pdl1.named-score' }]);
    expect(extractReportFacts(text)[0]?.detail).toMatchObject({ clone: '22C3', tps: 80 });
  });

  it('writes CPS without a percent sign and keeps several scores', () => {
    expect(values('PD-L1 CPS 10', 'PDL1')).toEqual(['CPS 10']);
    expect(values('PD-L1 (SP263): TC 60%, IC 2%.', 'PDL1')).toEqual(['TC 60%, IC 2%']);
    expect(values('PD-L1 TPS ≥50%', 'PDL1')).toEqual(['TPS ≥50%']);
    expect(values('PD-L1 tumor proportion score (TPS) 55%', 'PDL1')).toEqual(['TPS 55%']);
  });

  it('keeps a percentage without a named score bare, and a status', () => {
    expect(values('PD-L1 (28-8) 5%.', 'PDL1')).toEqual(['5%']);
    expect(values('PD-L1 expression <1% (TPS).', 'PDL1')).toEqual(['TPS <1%']);
    expect(values('PD-L1 negative (TPS <1%).', 'PDL1')).toEqual(['negative (TPS <1%)']);
    expect(values('PD-L1 high', 'PDL1')).toEqual(['high']);
  });

  it('ignores PD-L1 without a result', () => {
    for (const text of ['PD-L1 testing was requested.', 'anti-PD-L1 antibody', 'Biopsy to confirm recurrence (PD-L1 CPS, gBRCA).']) expect(read(text, 'PDL1'), text).toEqual([]);
  });
});
