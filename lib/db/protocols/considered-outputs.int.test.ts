// A model output the board considered travels into the letter and the FHIR Provenance with the
// mark copied at signing: a real model run (registerTestModel + runModelsForCase), a real review,
// a real signature (createSignedDecision).
import type { Bundle, Provenance } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { db } from '@/lib/db/client';
import { reviewInferenceResult } from '@/lib/db/inference-results';
import { runModelsForCase } from '@/lib/inference/run-models-for-case';
import { pdfText } from '@/lib/pdf/pdf-text';
import { generateCaseProtocol } from '@/lib/protocols/generate-protocols';
import { createSignedDecision, sampleDecisionContent } from '@/lib/test/create-signed-decision';
import { createTestActor } from '@/lib/test/create-test-actor';
import { createInferenceCase, registerTestModel } from '@/lib/test/create-test-model';
import { readCaseProtocolData } from './case-protocol';
import { exportDecisionFhir } from './export-decision-fhir';

let admin: Actor;
let chair: Actor;
let member: Actor;
let referrer: Actor;

beforeAll(async () => {
  admin = await createTestActor({ role: 'ADMIN' });
  chair = await createTestActor({ role: 'CLINICIAN', name: 'Chair' });
  member = await createTestActor({ role: 'CLINICIAN', name: 'Member' });
  referrer = await createTestActor({ role: 'CLINICIAN', name: 'Referrer' });
});

describe('model outputs considered at signing', () => {
  it('reach the letter and the Provenance with the mark and its reason', async () => {
    const { version } = await registerTestModel({ admin, status: 'ACTIVE' });
    const world = await createInferenceCase({ referrer, boardMembers: [member] });
    await db().boardMembership.create({ data: { boardId: world.boardId, userId: chair.id, role: 'CHAIR' } });
    const meeting = await db().meeting.create({ data: { boardId: world.boardId, startsAt: new Date(Date.now() + 3_600_000), durationMinutes: 60, status: 'PUBLISHED' } });
    await db().agendaItem.create({ data: { meetingId: meeting.id, caseId: world.caseId, position: 0, minutesAllotted: 5 } });
    await runModelsForCase({ actor: member, caseId: world.caseId });
    const result = await db().inferenceResult.findFirstOrThrow({ where: { caseId: world.caseId, modelVersionId: version.id } });
    await reviewInferenceResult({ actor: member, input: { resultId: result.id, mark: 'DISAGREE', reason: 'Weight is outdated', expectedVersion: 0 } });
    const signed = await createSignedDecision({ author: member, chair, caseId: world.caseId, meetingId: meeting.id, content: sampleDecisionContent({ consideredResultIds: [result.id] }) });

    const data = await readCaseProtocolData({ actor: referrer, decisionId: signed.decisionId });
    expect(data.considered).toEqual([
      expect.objectContaining({ resultId: result.id, modelName: version.name, semver: version.semver, modelFileSha256: result.modelFileSha256, inputHash: result.inputHash, mark: 'DISAGREE', reason: 'Weight is outdated' }),
    ]);
    expect(data.considered[0]!.summary).toMatch(/^probability \d/);

    const stored = await generateCaseProtocol({ actor: referrer, decisionId: signed.decisionId });
    const doc = await db().generatedDocument.findUniqueOrThrow({ where: { id: stored.documentId } });
    const text = pdfText(Buffer.from(doc.bytes)).replace(/\n/g, '');
    expect(text).toContain(`${version.name} ${version.semver}`);
    expect(text).toContain("Clinician's mark: disagreed: Weight is outdated");
    expect(text).toContain('research use only');

    const bundle = JSON.parse((await exportDecisionFhir({ actor: member, decisionId: signed.decisionId })).json) as Bundle;
    const provenance = bundle.entry!.find((e) => e.resource?.resourceType === 'Provenance')!.resource as Provenance;
    expect(provenance.entity).toHaveLength(1);
    expect(provenance.entity![0]!.what.identifier).toEqual({ system: 'urn:konsil:inference-result', value: result.id });
    expect(provenance.entity![0]!.what.display).toContain(result.inputHash);
    expect(provenance.entity![0]!.what.display).toContain('Mark: disagreed: Weight is outdated');
  }, 60_000);
});
