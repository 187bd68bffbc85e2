import type { CarePlan, MedicationRequest, Patient, Provenance, Resource, ServiceRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { validateFhirResource } from '../validate';
import { signedDecisionFixture } from './__fixtures__/signed-decision';
import { decisionBundle } from './decision-bundle';

const bundle = decisionBundle(signedDecisionFixture, { timestamp: '2026-11-25T08:00:00.000Z' });
const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
const ofType = <T extends Resource>(type: T['resourceType']) => resources.filter((r): r is T => r.resourceType === type);

describe('decisionBundle', () => {
  it('is a collection whose every resource is valid R4', () => {
    expect(bundle.type).toBe('collection');
    expect(validateFhirResource(bundle)).toEqual([]);
    for (const resource of resources) expect({ type: resource.resourceType, issues: validateFhirResource(resource) }).toEqual({ type: resource.resourceType, issues: [] });
  });

  it('resolves every reference inside the bundle', () => {
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"([^"]+)"/g)!.map((m) => m.slice(13, -1));
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(urls.has(r)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(decisionBundle(signedDecisionFixture, { timestamp: '2026-11-25T08:00:00.000Z' }))).toBe(JSON.stringify(bundle));
  });

  it('maps the decision to a CarePlan with intent, identifier and the requests as activities', () => {
    const [plan] = ofType<CarePlan>('CarePlan');
    expect(plan!.identifier).toEqual([{ system: 'urn:konsil:decision', value: 'dec-1/v2' }]);
    expect(plan!.status).toBe('active');
    expect(plan!.intent).toBe('plan');
    expect(plan!.created).toBe('2026-11-24T16:40:00.000Z');
    expect(plan!.description).toContain('HER2-positive');
    expect(plan!.category!.flatMap((c) => c.coding ?? []).some((c) => c.system === 'http://snomed.info/sct' && c.code === '373808002')).toBe(true);
    // surgery, radiotherapy, trial → 3 ServiceRequests; the regimen → 2 MedicationRequests
    expect(plan!.activity).toHaveLength(5);
    expect(plan!.note!.map((n) => n.text)).toEqual(
      expect.arrayContaining(['Guideline basis: S3', 'Deviates from the guideline: Patient declined anthracyclines', 'Dissent: Dr. Dee Dissent: Would add pertuzumab.']),
    );
  });

  it('proposes one MedicationRequest per drug with its ATC code, grouped by the recommendation', () => {
    const drugs = ofType<MedicationRequest>('MedicationRequest');
    expect(drugs.map((d) => d.intent)).toEqual(['proposal', 'proposal']);
    expect(drugs.map((d) => d.medicationCodeableConcept!.coding![0]!.code)).toEqual(['L01CD01', 'L01XC03']);
    expect(new Set(drugs.map((d) => d.groupIdentifier!.value))).toEqual(new Set(['dec-1/v2/rec-chemo']));
  });

  it('proposes ServiceRequests with SNOMED codes, dose in Gy and fractions; the referral is an order', () => {
    const requests = ofType<ServiceRequest>('ServiceRequest');
    const referral = requests.find((r) => r.intent === 'order')!;
    expect(referral.note![0]!.text).toContain('Adjuvant therapy after breast-conserving surgery?');
    expect(referral.reasonCode![0]!.coding![0]).toMatchObject({ system: 'http://hl7.org/fhir/sid/icd-10', code: 'C50.4' });
    const proposals = requests.filter((r) => r.intent === 'proposal');
    expect(proposals).toHaveLength(3);
    expect(proposals[0]!.code!.coding![0]).toMatchObject({ system: 'http://snomed.info/sct', code: '172043006' });
    expect(proposals[1]!.quantityQuantity).toEqual({ value: 40.05, unit: 'Gy', system: 'http://unitsofmeasure.org', code: 'Gy' });
    expect(proposals[1]!.occurrenceTiming!.repeat!.count).toBe(15);
    expect(proposals[2]!.orderDetail![0]!.coding![0]!.code).toBe('NCT01234567');
  });

  it('records the signature and the considered model output in a Provenance', () => {
    const [provenance] = ofType<Provenance>('Provenance');
    const plan = bundle.entry!.find((e) => e.resource?.resourceType === 'CarePlan')!;
    expect(provenance!.target[0]!.reference).toBe(plan.fullUrl);
    expect(provenance!.recorded).toBe('2026-11-24T16:40:00.000Z');
    expect(provenance!.agent.map((a) => a.type!.coding![0]!.code)).toEqual(['author', 'verifier']);
    expect(provenance!.entity![0]!.role).toBe('source');
    expect(provenance!.entity![0]!.what.identifier).toEqual({ system: 'urn:konsil:inference-result', value: 'res00000000000000000001' });
    expect(provenance!.entity![0]!.what.display).toContain('WDBC malignancy classifier 1.0.0');
    expect(provenance!.entity![0]!.what.display).toContain('disagreed: FNA taken before neoadjuvant therapy');
  });

  it('identifies the patient by MRN and marks a synthetic patient as test data', () => {
    const [patient] = ofType<Patient>('Patient');
    expect(patient!.identifier![0]!.value).toBe('SYN-900001');
    expect(patient!.identifier![0]!.type!.coding![0]!.code).toBe('MR');
    expect(patient!.meta!.security![0]!.code).toBe('HTEST');
  });
});
