import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { writeAuditEvents } from '@/lib/audit/write-audit-event';
import type { EntryWriteResult, PatientGroup, PlannedEntry } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import type { Tx } from '../client';
import { writeClinicalRows, type ClinicalItem, type KeyedTable } from './write-clinical-rows';
import { writeImagingStudies, type ImagingStudyItem } from './write-imaging-studies';
import { writePatients } from './write-patients';

const KEYED_TABLES: KeyedTable[] = ['condition', 'observation', 'report', 'procedure', 'medication', 'importedDecision'];

/**
 * Stores a chunk of patient groups inside `tx`: their patients, then their
 * clinical rows table by table (one query per table for the whole chunk), then
 * one `import.fhir_patient` audit event per patient whose data changed, in the
 * same transaction as the change. Returns what happened to each entry.
 */
export async function writePatientGroups(
  tx: Tx,
  groups: PatientGroup[],
  entries: readonly PlannedEntry[],
  context: { actor: Actor | null; jobId?: string },
): Promise<Map<number, EntryWriteResult>> {
  const results = await writePatients(
    tx,
    groups.flatMap((g) => (g.patientEntry === undefined ? [] : [{ entryIndex: g.patientEntry, path: entries[g.patientEntry]!.path, planned: entries[g.patientEntry]!.patient! }])),
  );

  const keyed = new Map<KeyedTable, ClinicalItem[]>(KEYED_TABLES.map((t) => [t, []]));
  const studies: ImagingStudyItem[] = [];
  for (const group of groups) {
    const patientResult = group.patientEntry === undefined ? undefined : results.get(group.patientEntry);
    const patientId = group.knownPatientId ?? (patientResult && patientResult.outcome !== 'failed' ? patientResult.patientId : undefined);
    for (const index of group.clinicalEntries) {
      const entry = entries[index]!;
      if (!patientId) {
        results.set(index, {
          outcome: 'failed',
          conflict: false,
          issue: errorIssue(`Not imported because its patient, Bundle.entry[${group.patientEntry}], could not be imported`, `${entry.path}.subject`, 'processing'),
        });
        continue;
      }
      const clinical = entry.clinical!;
      const base = { entryIndex: index, path: entry.path, patientId, identity: clinical.identity };
      if (clinical.table === 'imagingStudy') studies.push({ ...base, row: clinical.row });
      else keyed.get(clinical.table)!.push({ ...base, row: clinical.row, ...(clinical.formerIdentity ? { formerIdentity: clinical.formerIdentity } : {}) });
    }
  }
  for (const [table, items] of keyed) for (const [index, result] of await writeClinicalRows(tx, table, items)) results.set(index, result);
  for (const [index, result] of await writeImagingStudies(tx, studies)) results.set(index, result);

  await writeAuditEvents(tx, auditEvents(groups, entries, results, context));
  return results;
}

function auditEvents(groups: PatientGroup[], entries: readonly PlannedEntry[], results: Map<number, EntryWriteResult>, context: { actor: Actor | null; jobId?: string }) {
  return groups.flatMap((group) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const resourceTypes: Record<string, number> = {};
    let patientId: string | undefined;
    for (const index of [...(group.patientEntry === undefined ? [] : [group.patientEntry]), ...group.clinicalEntries]) {
      const result = results.get(index);
      if (!result || result.outcome === 'failed') continue;
      counts[result.outcome]++;
      patientId = result.patientId;
      const type = entries[index]!.resourceType ?? 'unknown';
      resourceTypes[type] = (resourceTypes[type] ?? 0) + 1;
    }
    // An import that found everything as it was wrote no patient data: nothing to audit
    // for this patient (the job itself is audited by import.request / import.finish).
    if (!patientId || counts.created + counts.updated === 0) return [];
    return [
      {
        actor: context.actor,
        action: 'import.fhir_patient' as const,
        entityType: 'Patient',
        entityId: patientId,
        patientId,
        detail: { ...(context.jobId ? { jobId: context.jobId } : {}), ...counts, resourceTypes },
      },
    ];
  });
}
