import { createHash } from 'node:crypto';
import type { Condition, DiagnosticReport, ImagingStudy, Observation, Patient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFhirResource } from '@/lib/fhir/validate';
import { BOARD_SLUGS, generateDemoPatients, generateDemoWorld, SYNTHETIC_BANNER, type DemoWorld } from './index';
import { LESION_SITES } from './ct/lesion-sites';
import { clinicalDatesOf, referencesIn, resourcesOf } from './test-helpers';

const referenceDate = new Date('2026-11-15T00:00:00Z');
const options = { seed: 20261115, referenceDate };
const hash = (world: DemoWorld) => createHash('sha256').update(JSON.stringify(world)).digest('hex');
const DAY = 86_400_000;

let world: DemoWorld;
beforeAll(() => {
  world = generateDemoWorld(options);
});

describe('determinism', () => {
  it('gives byte-identical bundles and specs for the same seed', () => {
    expect(hash(generateDemoWorld(options))).toBe(hash(world));
  });

  it('gives a different world for another seed', () => {
    const other = generateDemoWorld({ ...options, seed: options.seed + 1 });
    expect(hash(other)).not.toBe(hash(world));
    expect(JSON.stringify(other.patients[0]!.bundle)).not.toBe(JSON.stringify(world.patients[0]!.bundle));
    expect(other.patients[0]!.ctSeries[0]?.studyInstanceUid).not.toBe(world.patients[0]!.ctSeries[0]?.studyInstanceUid);
  });

  it('keeps patient i the same whatever the size of the world', () => {
    const small = generateDemoWorld({ ...options, patients: 7 });
    expect(JSON.stringify(small.patients[6])).toBe(JSON.stringify(world.patients[6]));
  });

  it('streams the same patients as the array form', () => {
    const streamed = [...generateDemoPatients({ ...options, patients: 3 })];
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(world.patients.slice(0, 3)));
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemoWorld({ ...options, patients: 0 })).toThrow(/patients/);
    expect(() => generateDemoWorld({ ...options, seed: 1.5 })).toThrow(/seed/);
    expect(() => generateDemoWorld({ ...options, referenceDate: new Date('nope') })).toThrow(/referenceDate/);
  });
});

describe('the 40-patient world', () => {
  it('has 40 patients over at least five entities, with unique MRNs and pseudonyms on known boards', () => {
    expect(world.patients).toHaveLength(40);
    expect(new Set(world.patients.map((p) => p.entity)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(world.patients.map((p) => p.mrn)).size).toBe(40);
    expect(new Set(world.patients.map((p) => p.pseudonym)).size).toBe(40);
    for (const p of world.patients) {
      expect(p.mrn).toMatch(/^SYN-2\d{5}$/);
      expect(Object.keys(BOARD_SLUGS)).toContain(p.boardSlug);
      expect(p.caseProposal.question.length).toBeGreaterThan(40);
      expect(p.caseProposal.icd10Code).toMatch(/^C\d\d/);
    }
  });

  it('gives every patient the listed resource kinds, 3–8 reports and 1–3 years of history', () => {
    for (const p of world.patients) {
      const resources = resourcesOf(p.bundle);
      const kinds = new Set(resources.map((r) => r.resourceType));
      for (const kind of ['Patient', 'Condition', 'Observation', 'Procedure', 'MedicationStatement', 'DiagnosticReport']) expect(kinds, `${p.mrn} ${kind}`).toContain(kind);
      expect(resources.filter((r) => r.resourceType === 'ImagingStudy')).toHaveLength(p.ctSeries.length);
      const reports = resources.filter((r) => r.resourceType === 'DiagnosticReport');
      expect(reports.length, p.mrn).toBeGreaterThanOrEqual(3);
      expect(reports.length, p.mrn).toBeLessThanOrEqual(8);

      const observations = resources.filter((r): r is Observation => r.resourceType === 'Observation');
      const loincs = new Set(observations.map((o) => o.code.coding?.[0]?.code));
      for (const code of ['89247-1', '718-7', '2160-0', '2532-0']) expect(loincs, `${p.mrn} ${code}`).toContain(code);
      expect([...loincs].some((c) => ['21908-9', '21902-2'].includes(c!)), `${p.mrn} stage group`).toBe(true);

      const dates = resources.filter((r) => r.resourceType !== 'Patient').flatMap((r) => clinicalDatesOf(r as never)).map((d) => new Date(d).getTime());
      const span = (Math.max(...dates) - Math.min(...dates)) / DAY;
      expect(span, p.mrn).toBeGreaterThanOrEqual(365);
      expect(span, p.mrn).toBeLessThanOrEqual(3 * 366);
      expect(Math.max(...dates), `${p.mrn} nothing after today`).toBeLessThanOrEqual(referenceDate.getTime() + DAY);
    }
  });

  it('gives most patients CT: some a prior and a current study', () => {
    const withCt = world.patients.filter((p) => p.ctSeries.length > 0);
    expect(withCt.length).toBeGreaterThanOrEqual(30);
    expect(withCt.length).toBeLessThan(40);
    expect(world.patients.filter((p) => p.ctSeries.length === 2).length).toBeGreaterThanOrEqual(20);
    for (const p of withCt) {
      expect(p.ctSeries.length).toBeLessThanOrEqual(2);
      for (const s of p.ctSeries) {
        expect(s.lesions.length).toBeGreaterThanOrEqual(1);
        expect(s.lesions.length).toBeLessThanOrEqual(3);
        expect(s.slices).toBe(64);
        expect(s.rows).toBe(256);
      }
    }
  });
});

describe('FHIR conformance', () => {
  // Validating a bundle validates its entries again: whole bundles for a few patients, every resource for all.
  it('has zero validation issues for every resource and for whole bundles', { timeout: 120_000 }, () => {
    const problems: string[] = [];
    for (const [i, p] of world.patients.entries()) {
      if (i < 5) for (const issue of validateFhirResource(p.bundle)) problems.push(`${p.mrn} Bundle: ${issue.details?.text ?? issue.diagnostics}`);
      for (const r of resourcesOf(p.bundle)) {
        for (const issue of validateFhirResource(r)) problems.push(`${p.mrn} ${r.resourceType}: ${issue.details?.text ?? issue.diagnostics} at ${issue.expression}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is a transaction whose every reference is a urn:uuid fullUrl of the same bundle', () => {
    for (const p of world.patients) {
      expect(p.bundle.type).toBe('transaction');
      const fullUrls = new Set((p.bundle.entry ?? []).map((e) => e.fullUrl));
      expect(fullUrls.size).toBe(p.bundle.entry!.length);
      for (const e of p.bundle.entry ?? []) {
        expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(e.request).toEqual({ method: 'PUT', url: `${e.resource!.resourceType}/${e.resource!.id}` });
        for (const ref of referencesIn(e.resource)) expect(fullUrls, `${p.mrn} ${e.resource!.resourceType} → ${ref}`).toContain(ref);
      }
    }
  });

  it('marks every resource synthetic (HTEST security label and the synthetic tag)', () => {
    for (const p of world.patients) {
      for (const r of [p.bundle, ...resourcesOf(p.bundle)]) {
        expect(r.meta?.security).toContainEqual(expect.objectContaining({ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }));
        expect(r.meta?.tag).toContainEqual(expect.objectContaining({ system: 'urn:konsil:tag', code: 'synthetic' }));
      }
    }
  });

  it('shapes the primary cancer as mCODE with ICD-10, ICD-O-3 morphology and topography', () => {
    for (const p of world.patients) {
      const primary = resourcesOf(p.bundle).find((r): r is Condition => r.resourceType === 'Condition' && r.meta?.profile?.[0]?.endsWith('mcode-primary-cancer-condition') === true)!;
      expect(primary.code?.coding?.[0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10', code: p.caseProposal.icd10Code });
      expect(primary.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(p.caseProposal.icdO3Morphology);
      expect(primary.bodySite?.[0]?.coding?.map((c) => c.code)).toContain(p.caseProposal.icdO3Topography);
      expect(primary.stage?.[0]?.assessment?.[0]?.reference).toMatch(/^urn:uuid:/);
      const patient = resourcesOf(p.bundle).find((r): r is Patient => r.resourceType === 'Patient')!;
      expect(patient.identifier?.[0]?.value).toBe(p.mrn);
      expect(patient.name?.[0]).toMatchObject({ family: p.familyName, given: [p.givenName] });
    }
  });

  it('flags lab values outside the reference interval', () => {
    // The lab catalog's results (LOINC); receptor assays and morphometry have no reference interval.
    const labs = world.patients
      .flatMap((p) => resourcesOf(p.bundle))
      .filter((r): r is Observation => r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'laboratory' && r.code.coding?.[0]?.system === 'http://loinc.org');
    for (const o of labs) {
      const value = o.valueQuantity!.value!;
      const { low, high } = o.referenceRange![0]!;
      const expected = value > high!.value! ? 'H' : low && value < low.value! ? 'L' : 'N';
      expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe(expected);
      expect(o.valueQuantity?.system).toBe('http://unitsofmeasure.org');
    }
    const flags = new Set(labs.map((o) => o.interpretation?.[0]?.coding?.[0]?.code));
    expect(flags).toEqual(new Set(['H', 'L', 'N']));
  });
});

describe('reports', () => {
  const textOf = (r: DiagnosticReport) => Buffer.from(r.presentedForm![0]!.data!, 'base64').toString('utf8');

  it('start with the synthetic banner, carry a conclusion and natural biomarker language', () => {
    const all = world.patients.flatMap((p) => resourcesOf(p.bundle)).filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport');
    for (const r of all) {
      expect(textOf(r).split('\n')[0]).toBe(SYNTHETIC_BANNER);
      expect(r.conclusion?.length).toBeGreaterThan(10);
      expect(r.presentedForm?.[0]?.contentType).toMatch(/^text\/plain/);
    }
    const corpus = all.map(textOf).join('\n');
    for (const phrase of ['ER positive (90%)', 'HER2 negative (IHC 1+)', 'PD-L1 (22C3): TPS', 'EGFR exon 19 deletion detected', 'KRAS G12C', 'BRAF V600E', 'Gleason', '2/14', 'no evidence of distant metastasis', 'suspicious for']) {
      expect(corpus.toLowerCase(), phrase).toContain(phrase.toLowerCase());
    }
  });

  it('describe in each CT report the lesions of its series at their phantom sizes', () => {
    for (const p of world.patients) {
      const resources = resourcesOf(p.bundle);
      const studies = resources.filter((r): r is ImagingStudy => r.resourceType === 'ImagingStudy');
      for (const spec of p.ctSeries) {
        const study = studies.find((s) => s.identifier?.[0]?.value === `urn:oid:${spec.studyInstanceUid}`)!;
        expect(study.series?.[0]?.uid).toBe(spec.seriesInstanceUid);
        expect(study.series?.[0]?.instance?.map((i) => i.uid)).toEqual(spec.sopInstanceUids);
        const fullUrl = p.bundle.entry!.find((e) => e.resource === study)!.fullUrl;
        const report = resources.find((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport' && r.imagingStudy?.[0]?.reference === fullUrl)!;
        const text = textOf(report);
        for (const l of spec.lesions) {
          expect(text).toContain(`${l.label} measuring ${l.diametersMm[0]} x ${l.diametersMm[1]} mm (axial), ${l.diametersMm[2]} mm craniocaudal`);
          expect(LESION_SITES[l.site as keyof typeof LESION_SITES]).toBeDefined();
        }
      }
    }
  });
});
