// Sanity check on text we did not write for the labelled set: the demo world's
// reports (lib/demo-world/reports and entities). If their phrasing changes, the
// facts a demo shows change with it, and this test says which.
import type { DiagnosticReport } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorld } from '@/lib/demo-world';
import { extractReportFacts } from './index';
import type { ExtractedFact } from './types';

interface Read {
  text: string;
  facts: ExtractedFact[];
}

let reports: Read[];
let all: (ExtractedFact & { evidence: string; cueText: string | null })[];

beforeAll(() => {
  // Twelve patients cover every entity of the demo (the full 40 take longer and add nothing here).
  const world = generateDemoWorld({ seed: 20261115, referenceDate: new Date('2026-11-15T00:00:00Z'), patients: 12 });
  reports = world.patients
    .flatMap((p) => (p.bundle.entry ?? []).map((e) => e.resource))
    .filter((r): r is DiagnosticReport => r?.resourceType === 'DiagnosticReport')
    .map((r) => Buffer.from(r.presentedForm![0]!.data!, 'base64').toString('utf8'))
    .map((text) => ({ text, facts: extractReportFacts(text) }));
  all = reports.flatMap(({ text, facts }) => facts.map((f) => ({ ...f, evidence: text.slice(f.span.start, f.span.end), cueText: f.cue ? text.slice(f.cue.span.start, f.cue.span.end) : null })));
});

const find = (kind: string, value: string, label?: string) => all.filter((f) => f.kind === kind && f.value === value && (label === undefined || f.label === label));

describe('facts in the demo world reports', () => {
  it('reads "HER2 negative (IHC 1+)" as a present HER2 fact with status negative', () => {
    const her2 = find('HER2', 'negative (IHC 1+)');
    expect(her2.length).toBeGreaterThan(0);
    for (const f of her2) expect(f).toMatchObject({ assertion: 'present', evidence: expect.stringMatching(/^HER2 (negative \(IHC 1\+\)|IHC 1\+)$/), detail: expect.objectContaining({ status: 'negative', ihc: '1+' }) });
    expect(her2.some((f) => f.evidence === 'HER2 negative (IHC 1+)')).toBe(true);
  });

  it('reads "EGFR exon 19 deletion detected" as present and "No EGFR T790M mutation detected" as negated', () => {
    const del19 = find('MUTATION', 'exon 19 deletion', 'EGFR');
    expect(del19.length).toBeGreaterThan(0);
    for (const f of del19) expect(f).toMatchObject({ assertion: 'present', evidence: 'EGFR exon 19 deletion' });
    expect(find('MUTATION', 'T790M', 'EGFR')).toEqual([expect.objectContaining({ assertion: 'negated', cueText: 'No', evidence: 'EGFR T790M mutation' })]);
    for (const gene of ['ALK', 'ROS1', 'RET', 'NTRK']) expect(find('MUTATION', 'fusion', gene).every((f) => f.assertion === 'negated'), gene).toBe(true);
  });

  it('reads "No evidence of distant metastasis" as a negated distant metastasis', () => {
    const distant = find('METASTASIS', 'distant').filter((f) => f.assertion === 'negated');
    expect(distant.length).toBeGreaterThan(0);
    for (const f of distant) expect(f).toMatchObject({ evidence: 'distant metastasis', cueText: 'No evidence of' });
  });

  it('reads suspected metastases as possible and known ones as present', () => {
    expect(all.some((f) => f.kind === 'METASTASIS' && f.assertion === 'possible' && f.cueText === 'suspicious for')).toBe(true);
    expect(find('METASTASIS', 'liver').some((f) => f.assertion === 'present')).toBe(true);
  });

  it('reads the TNM classifications with their prefixes', () => {
    const tnm = all.filter((f) => f.kind === 'TNM');
    expect(tnm.length).toBeGreaterThan(5);
    for (const f of tnm) {
      expect(f.assertion).toBe('present');
      expect(f.evidence.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim()).toBe(f.value);
    }
    expect(tnm.map((f) => f.value)).toEqual(expect.arrayContaining(['pT2 pN1a', 'cT2a cN2 cM1b', 'pT3 pN1b', 'ypT2 ypN0']));
  });

  it('reads the other biomarkers the demo writes', () => {
    expect(find('ER', 'positive (90%)').length).toBeGreaterThan(0);
    expect(all.some((f) => f.kind === 'PDL1' && /^TPS \d+%$/.test(f.value) && f.evidence.startsWith('PD-L1 (22C3): TPS'))).toBe(true);
    expect(find('MUTATION', 'G12C', 'KRAS')[0]).toMatchObject({ assertion: 'present' });
    expect(find('MUTATION', 'V600E', 'BRAF').map((f) => f.assertion)).toEqual(expect.arrayContaining(['present', 'negated']));
    expect(find('GRADE', 'Gleason 4+3=7').length).toBeGreaterThan(0);
    expect(find('NODES', '2/14').length).toBeGreaterThan(0);
    expect(find('MARGIN', 'R0').length).toBeGreaterThan(0);
  });

  it('finds nothing in the report frame (banner, title, patient, date, signature)', () => {
    for (const { text, facts } of reports) {
      const lines = text.split('\n');
      const bodyStart = lines.slice(0, 4).join('\n').length;
      const signature = text.lastIndexOf('Electronically signed');
      for (const f of facts) {
        expect(f.span.start, `${f.key} in the header`).toBeGreaterThanOrEqual(bodyStart);
        expect(f.span.end, `${f.key} in the signature`).toBeLessThanOrEqual(signature);
      }
    }
  });

  it('points every fact at its own evidence', () => {
    for (const { text, facts } of reports) {
      for (const f of facts) {
        expect(f.span.end).toBeGreaterThan(f.span.start);
        expect(text.slice(f.sentence.start, f.sentence.end)).toContain(text.slice(f.span.start, f.span.end));
      }
    }
  });
});
