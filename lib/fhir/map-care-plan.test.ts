import type { Bundle, CarePlan, Provenance, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { signedDecisionFixture } from './export/__fixtures__/signed-decision';
import { decisionBundle } from './export/decision-bundle';
import type { FindKnownPatients } from './import-plan';
import { mapCarePlan, type CarePlanLookups } from './map-care-plan';
import { planImport } from './plan-import';

const bundle = decisionBundle(signedDecisionFixture, { timestamp: '2026-11-25T08:00:00.000Z' });
const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource as Resource]));
const carePlan = bundle.entry!.find((e) => e.resource?.resourceType === 'CarePlan')!.resource as CarePlan;
const provenance = bundle.entry!.find((e) => e.resource?.resourceType === 'Provenance')!.resource as Provenance;
const lookups: CarePlanLookups = { findBundled: (r) => byUrl.get(r), findProvenance: () => provenance };
const nobodyElse: FindKnownPatients = async () => [];

describe('mapCarePlan', () => {
  it("reads Konsil's own export back into the decision content", () => {
    const { row, issues } = mapCarePlan(carePlan, 'Bundle.entry[9].resource', lookups);
    expect(issues).toEqual([]);
    const original = signedDecisionFixture.version.content;
    expect(row!.intent).toBe('CURATIVE');
    expect(row!.signedBy).toBe('Ada Signer');
    expect(row!.signedAt).toBe('2026-11-24T16:40:00.000Z');
    expect(row!.content.recommendations).toEqual(original.recommendations);
    expect(row!.content.guideline).toEqual(original.guideline);
    expect(row!.content.trial).toEqual(original.trial);
    expect(row!.content.patientPreference).toBe(original.patientPreference);
    expect(row!.content.rationale).toBe(original.rationale);
    expect(row!.content.dissents).toEqual(original.dissents);
    // Konsil users and model results of another installation are not ours to reference.
    expect(row!.content.attendeeIds).toEqual([]);
    expect(row!.content.consideredResultIds).toEqual([]);
  });

  it('reads a foreign CarePlan as far as it goes: intent, coded requests, description; signer from the author', () => {
    const foreign: CarePlan = {
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      subject: { reference: 'Patient/p1' },
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '363676003' }] }],
      description: 'Palliative systemic therapy.',
      author: { display: 'Dr. Elsewhere' },
      created: '2026-10-01',
      activity: [{ reference: { reference: 'MedicationRequest/m1' } }, { detail: { status: 'not-started', description: 'Pain team', code: { coding: [{ system: 'http://snomed.info/sct', code: '1234567', display: 'x y' }] } } }],
    };
    const drug = { resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'proposal', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L01BC06', display: 'capecitabine' }] } } as Resource;
    const { row } = mapCarePlan(foreign, 'CarePlan', { findBundled: (r) => (r === 'MedicationRequest/m1' ? drug : undefined), findProvenance: () => undefined });
    expect(row!.intent).toBe('PALLIATIVE');
    expect(row!.signedBy).toBe('Dr. Elsewhere');
    expect(row!.signedAt).toBe('2026-10-01T00:00:00.000Z');
    expect(row!.content.recommendations.map((r) => [r.modality, r.codes.map((c) => c.code), r.details])).toEqual([
      ['SYSTEMIC_THERAPY', ['L01BC06'], ''],
      ['FURTHER_DIAGNOSTICS', ['1234567'], 'Pain team'],
    ]);
    expect(row!.content.rationale).toBe('Palliative systemic therapy.');
  });
});

describe('planImport of an exported decision', () => {
  it('plans the CarePlan, skips the proposals as medications and the other resources with warnings', async () => {
    const plan = await planImport(bundle as Bundle, nobodyElse);
    const state = (type: string) => plan.entries.filter((e) => e.resourceType === type).map((e) => e.state);
    expect(state('Patient')).toEqual(['ready']);
    expect(state('CarePlan')).toEqual(['ready']);
    expect(state('MedicationRequest')).toEqual(['skipped', 'skipped']);
    expect(plan.entries.find((e) => e.resourceType === 'MedicationRequest')!.issues[0]!.details!.text).toContain('a proposal is a recommendation');
    for (const type of ['ServiceRequest', 'Provenance', 'Practitioner', 'Encounter']) expect(new Set(state(type))).toEqual(new Set(['skipped']));
    expect(plan.entries.filter((e) => e.state === 'failed')).toEqual([]);
  }, 30_000);

  it('skips a revoked CarePlan: it is no longer a decision in force', async () => {
    const revoked = structuredClone(bundle) as Bundle;
    (revoked.entry!.find((e) => e.resource?.resourceType === 'CarePlan')!.resource as CarePlan).status = 'revoked';
    const plan = await planImport(revoked, nobodyElse);
    expect(plan.entries.find((e) => e.resourceType === 'CarePlan')!.state).toBe('skipped');
  });
});
