import 'server-only';
import { createHash } from 'node:crypto';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { decisionBundle } from '@/lib/fhir/export/decision-bundle';
import { db } from '../client';
import { readDecisionExport } from './read-decision-export';

export interface FhirExportFile {
  fileName: string;
  json: string;
  sha256: string;
}

/**
 * The newest signed version of a decision as a FHIR R4 Bundle (JSON), for a case in the actor's
 * scope (else NOT_FOUND; unsigned → CONFLICT). The export is audited (`decision.export_fhir`, with
 * the patient and the sha256 of the JSON sent) in the transaction that read it.
 */
export async function exportDecisionFhir(options: { actor: Actor; decisionId: string; now?: Date }): Promise<FhirExportFile> {
  const { actor, decisionId } = options;
  assertCan(actor, 'decisions.export');
  return db().$transaction(async (tx) => {
    const data = await readDecisionExport(tx, { actor, decisionId });
    const bundle = decisionBundle(data, { timestamp: (options.now ?? new Date()).toISOString() });
    const json = `${JSON.stringify(bundle, null, 2)}\n`;
    const sha256 = createHash('sha256').update(json).digest('hex');
    await writeAuditEvent(tx, {
      actor,
      action: 'decision.export_fhir',
      entityType: 'Decision',
      entityId: data.decision.id,
      patientId: data.patient.id,
      detail: { decisionId: data.decision.id, decisionVersion: data.version.number, resources: bundle.entry?.length ?? 0, sha256 },
    });
    return { fileName: `konsil-decision-${data.decision.id}-v${data.version.number}.fhir.json`, json, sha256 };
  });
}
