// Who signed the CarePlan, when, and from what: agent = the signer as author and verifier;
// entity = each model output the board considered (role `source`), identified by its Konsil
// result id, its display naming model, version, file sha256, input hash and the clinician's mark.
import type {Provenance } from '@medplum/fhirtypes';
import type { ExportConsideredResult } from './export-input';
import { KONSIL_SYSTEM, type EntryRef } from './fhir-ids';

const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

export function consideredResultDisplay(r: ExportConsideredResult): string {
  const mark = r.mark === 'DISAGREE' ? `disagreed${r.reason ? `: ${r.reason}` : ''}` : r.mark === 'CONSIDERED' ? 'considered' : 'not marked';
  return `${r.modelName} ${r.semver} (model file sha256 ${r.modelFileSha256}, input hash ${r.inputHash}): ${r.summary}. Mark: ${mark}. Research use only.`;
}

export function provenanceResource(options: {
  id: string;
  target: EntryRef;
  signedAt: string;
  signer: EntryRef;
  amendmentReason: string | null;
  considered: ExportConsideredResult[];
}): Provenance {
  return {
    resourceType: 'Provenance',
    id: options.id,
    target: [options.target],
    recorded: options.signedAt,
    activity: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: options.amendmentReason ? 'UPDATE' : 'CREATE', display: options.amendmentReason ? 'revise' : 'create' }],
    },
    ...(options.amendmentReason ? { reason: [{ text: options.amendmentReason }] } : {}),
    agent: [
      { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'author', display: 'Author' }] }, who: options.signer },
      { type: { coding: [{ system: PARTICIPANT_TYPE, code: 'verifier', display: 'Verifier' }] }, who: options.signer },
    ],
    ...(options.considered.length > 0
      ? {
          entity: options.considered.map((r) => ({
            role: 'source' as const,
            what: { identifier: { system: KONSIL_SYSTEM.inferenceResult, value: r.resultId }, display: consideredResultDisplay(r) },
          })),
        }
      : {}),
  };
}
