import 'server-only';
import type { EntryWriteResult, PlannedPatient } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import { pseudonymFor } from '@/lib/fhir/map-patient';
import { sourceHash } from '@/lib/fhir/source-hash';
import type { Tx } from '../client';
import { newRowId } from '../row-id';
import { bulkInsert, bulkUpdate } from './bulk-sql';
import { patientTable, patientUpdateTable } from './table-specs';

export interface PatientItem {
  entryIndex: number;
  path: string;
  planned: PlannedPatient;
}

/**
 * Creates or updates the patients of one chunk, set-based: one query finds every
 * existing patient by MRN or FHIR id, one statement inserts the new ones and one
 * updates those whose content changed (version bumped); unchanged ones are not
 * touched. A patient is matched by MRN first (the hospital's key, also in DICOM
 * headers), then by (source, FHIR id); when the two point at different Konsil
 * patients the entry fails rather than guess which. An MRN matches only within
 * its system: when both the stored and the incoming MRN name their system and the
 * systems differ, the entry fails as a conflict (MRN values are unique in Konsil,
 * so the second patient cannot be stored beside the first either).
 */
export async function writePatients(tx: Tx, items: PatientItem[]): Promise<Map<number, EntryWriteResult>> {
  const results = new Map<number, EntryWriteResult>();
  if (items.length === 0) return results;

  const mrns = items.map((i) => i.planned.row.mrn);
  const fhirIds = items.flatMap((i) => (i.planned.sourceId ? [i.planned.sourceId] : []));
  const existing = await tx.patient.findMany({
    where: { OR: [{ mrn: { in: mrns } }, ...(fhirIds.length > 0 ? [{ sourceId: { in: fhirIds } }] : [])] },
    select: { id: true, mrn: true, mrnSystem: true, sourceSystem: true, sourceId: true, sourceHash: true },
  });
  const byMrn = new Map(existing.map((p) => [p.mrn, p]));
  const bySource = new Map(existing.filter((p) => p.sourceId).map((p) => [`${p.sourceSystem}|${p.sourceId}`, p]));

  const claimed = new Set<string>();
  const creates: { item: PatientItem; hash: string }[] = [];
  const updates: { item: PatientItem; id: string; hash: string }[] = [];
  for (const item of items) {
    const { row, sourceSystem, sourceId } = item.planned;
    const hash = sourceHash({ patient: row, sourceSystem, sourceId });
    const sameMrn = byMrn.get(row.mrn);
    const sameSource = sourceId ? bySource.get(`${sourceSystem}|${sourceId}`) : undefined;
    if (sameMrn?.mrnSystem && row.mrnSystem && sameMrn.mrnSystem !== row.mrnSystem) {
      // The same number in two numbering systems is two people (or at least not provably one).
      results.set(item.entryIndex, {
        outcome: 'failed',
        conflict: true,
        issue: errorIssue(
          `Conflict: MRN ${row.mrn} of system ${row.mrnSystem} is already the MRN of a Konsil patient from system ${sameMrn.mrnSystem}; an MRN from another system is not the same patient, and Konsil keeps one patient per MRN value, so this patient was not stored`,
          item.path,
          'conflict',
        ),
      });
      continue;
    }
    if ((sameMrn && sameSource && sameMrn.id !== sameSource.id) || claimed.has((sameMrn ?? sameSource)?.id ?? '')) {
      results.set(item.entryIndex, {
        outcome: 'failed',
        conflict: true,
        issue: errorIssue(
          'Conflict: this MRN and this FHIR Patient id belong to two different Konsil patients (the MRN changed or records were merged at the source); resolve it in Konsil first',
          item.path,
          'conflict',
        ),
      });
      continue;
    }
    const target = sameMrn ?? sameSource;
    if (!target) {
      creates.push({ item, hash });
      continue;
    }
    claimed.add(target.id);
    if (target.sourceHash === hash) results.set(item.entryIndex, { outcome: 'unchanged', patientId: target.id });
    else updates.push({ item, id: target.id, hash });
  }

  await bulkInsert(
    tx,
    patientTable,
    creates.map(({ item, hash }) => {
      const id = newRowId();
      results.set(item.entryIndex, { outcome: 'created', patientId: id });
      return { id, ...columns(item.planned, hash), pseudonym: pseudonymFor(item.planned.row.mrnSystem, item.planned.row.mrn, pseudonymKey()) };
    }),
  );
  // The pseudonym is not updated: people may already know the patient by it.
  await bulkUpdate(
    tx,
    patientUpdateTable,
    updates.map(({ item, id, hash }) => {
      results.set(item.entryIndex, { outcome: 'updated', patientId: id });
      return { id, ...columns(item.planned, hash) };
    }),
  );
  return results;
}

function columns(planned: PlannedPatient, hash: string) {
  const { row } = planned;
  return {
    mrn: row.mrn,
    mrnSystem: row.mrnSystem,
    familyName: row.familyName,
    givenName: row.givenName,
    birthDate: row.birthDate,
    sex: row.sex,
    isSynthetic: row.isSynthetic,
    sourceSystem: planned.sourceSystem,
    sourceId: planned.sourceId,
    sourceHash: hash,
  };
}

/** The server secret keys pseudonyms (see pseudonymFor); imports cannot create patients without it. */
function pseudonymKey(): string {
  const key = process.env.AUTH_SECRET;
  if (!key) throw new Error('AUTH_SECRET is not set: it keys the pseudonyms of imported patients.');
  return key;
}
