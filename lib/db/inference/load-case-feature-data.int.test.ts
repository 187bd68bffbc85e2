import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { reviewReportFact } from '@/lib/db/report-fact-reviews';
import { makeTestSpec, testFeatures } from '@/lib/inference/test-support/linear-model';
import { extractReportFacts } from '@/lib/report-facts';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, INFERENCE_REPORT, registerTestModel, uniqueModelKey } from '@/lib/test/create-test-model';
import { caseScopeSql } from '../case-scope-lookup';
import { db } from '../client';
import { loadCaseFeatureData } from './load-case-feature-data';

// The one statement a model run reads with: which versions apply, and exactly the rows their
// cards read. Entities no other test file uses, so versions registered elsewhere in the run's
// database do not apply here.

let referrer: Actor;
let admin: Actor;
const REFERENCE = new Date('2026-11-20T00:00:00Z');

beforeAll(async () => {
  referrer = await createTestActor({ role: 'CLINICIAN' });
  admin = await createTestActor({ role: 'ADMIN' });
});

async function caseWithEntity(entity: 'SARCOMA' | 'KIDNEY' | 'CNS') {
  const world = await createInferenceCase({ referrer });
  await db().case.update({ where: { id: world.caseId }, data: { entity } });
  return world;
}

const load = (caseId: string) => loadCaseFeatureData(db(), { caseId, scope: caseScopeSql(referrer, 'c'), referenceDate: REFERENCE });

describe('loadCaseFeatureData', () => {
  it('reads the ACTIVE and SHADOW versions for the case’s entity and only the rows their cards name', async () => {
    const modelKey = uniqueModelKey('read');
    const active = await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey, entities: ['SARCOMA'] }) });
    const shadow = await registerTestModel({ admin, status: 'SHADOW', spec: makeTestSpec({ modelKey, version: '1.1.0', entities: ['SARCOMA'] }) });
    await registerTestModel({ admin, status: 'VALIDATED', spec: makeTestSpec({ modelKey, version: '1.2.0', entities: ['SARCOMA'] }) });
    const world = await caseWithEntity('SARCOMA');
    await db().observation.createMany({
      data: [
        // Newer weights that must not count: entered in error, and after the reference date.
        { patientId: world.patientId, category: 'VITAL_SIGN', loincCode: '29463-7', display: 'Body weight', valueNumeric: 99, unit: 'kg', effectiveAt: new Date('2026-11-01T08:00:00Z'), status: 'entered-in-error' },
        { patientId: world.patientId, category: 'VITAL_SIGN', loincCode: '29463-7', display: 'Body weight', valueNumeric: 98, unit: 'kg', effectiveAt: new Date('2026-11-25T08:00:00Z') },
        // A lab no card names.
        { patientId: world.patientId, category: 'LABORATORY', loincCode: '2345-7', display: 'Glucose', valueNumeric: 5.4, unit: 'mmol/L', effectiveAt: new Date('2026-11-01T08:00:00Z') },
      ],
    });
    // A confirmed fact of a kind no card reads.
    const nodes = extractReportFacts(INFERENCE_REPORT).find((f) => f.kind === 'NODES')!;
    await reviewReportFact({ actor: referrer, input: { caseId: world.caseId, reportId: world.reportIds[0]!, factKey: nodes.key, status: 'CONFIRMED' } });

    const loaded = (await load(world.caseId))!;
    expect(loaded.case).toEqual({ id: world.caseId, patientId: world.patientId, entity: 'SARCOMA' });
    expect(loaded.versions.map((v) => [v.id, v.status, v.semver])).toEqual([
      [active.version.id, 'ACTIVE', '1.0.0'],
      [shadow.version.id, 'SHADOW', '1.1.0'],
    ]);
    expect(loaded.versions[0]!.card.features.map((f) => f.name)).toEqual(testFeatures.map((f) => f.name));
    expect(loaded.data.patient).toEqual({ birthDate: '1960-05-17', sex: 'FEMALE' });
    expect(loaded.data.observations).toEqual([expect.objectContaining({ loincCode: '29463-7', value: 70, unit: 'kg', effectiveAt: new Date('2026-10-05T08:00:00Z') })]);
    expect(loaded.data.confirmedFacts).toEqual([expect.objectContaining({ kind: 'TUMOR_SIZE', reportId: world.reportIds[0], detail: expect.objectContaining({ mm: 23 }) })]);
    expect(loaded.data.medications).toEqual([expect.objectContaining({ atcCode: 'L02BA01', fhirResourceType: 'MedicationStatement' })]);
    expect(loaded.data.conditions).toEqual([expect.objectContaining({ icd10Code: 'E11.9' })]);

    // A second read (the cards now cached in the process) gives the same.
    expect(await load(world.caseId)).toEqual(loaded);
  });

  it('reads no medications or conditions when no card names them', async () => {
    const features = testFeatures.filter((f) => f.name === 'age' || f.name === 'weight');
    await registerTestModel({ admin, status: 'ACTIVE', spec: makeTestSpec({ modelKey: uniqueModelKey('few'), entities: ['KIDNEY'], features, beta: [0.01, 0.02] }) });
    const world = await caseWithEntity('KIDNEY');
    const loaded = (await load(world.caseId))!;
    expect(loaded.versions).toHaveLength(1);
    expect(loaded.data.observations.map((o) => o.loincCode)).toEqual(['29463-7']);
    expect(loaded.data).toMatchObject({ confirmedFacts: [], medications: [], conditions: [] });
  });

  it('reads no clinical rows when no version applies', async () => {
    const world = await caseWithEntity('CNS');
    const loaded = (await load(world.caseId))!;
    expect(loaded.versions).toEqual([]);
    expect(loaded.data).toMatchObject({ observations: [], confirmedFacts: [], medications: [], conditions: [] });
  });

  it('finds nothing for a case that does not exist', async () => {
    expect(await load('cnotacase000000000000000')).toBeNull();
  });
});
