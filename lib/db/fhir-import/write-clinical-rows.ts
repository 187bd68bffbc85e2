import 'server-only';
import type { EntryWriteResult } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import type { ClinicalRows, ObservationRow, SourceIdentity } from '@/lib/fhir/mapped-rows';
import { observationCodeKey } from '@/lib/fhir/source-identity';
import { sourceHash } from '@/lib/fhir/source-hash';
import type { Tx } from '../client';
import { newRowId } from '../row-id';
import { bulkInsert, bulkUpdate, findBySourceKeys, type BulkRow, type BulkTable, type PgType } from './bulk-sql';
import { conditionTable, importedDecisionTable, medicationTable, observationTable, procedureTable, reportTable } from './table-specs';

/** The clinical tables keyed by (sourceSystem, sourceId) alone; imaging studies are keyed by UID (write-imaging-studies.ts). */
export type KeyedTable = 'condition' | 'observation' | 'report' | 'procedure' | 'medication' | 'importedDecision';

export interface ClinicalItem<T extends KeyedTable = KeyedTable> {
  entryIndex: number;
  path: string;
  patientId: string;
  identity: SourceIdentity;
  /** A key this resource had under an earlier mapping (see PlannedClinical); a row still stored under it is this resource's row. */
  formerIdentity?: SourceIdentity;
  row: ClinicalRows[T];
}

/** What an observation observes; a row found under a former key is only the same row when these agree. */
const OBSERVED_CODE_COLUMNS = ['loincCode', 'codeSystem', 'code', 'display'] as const;
type ObservedCode = Pick<ObservationRow, (typeof OBSERVED_CODE_COLUMNS)[number]>;

// The mapped rows already hold their values as the columns store them (dates as
// YYYY-MM-DD, instants as ISO strings), so they go to bulk-sql unchanged.
const specs: Record<KeyedTable, BulkTable<Record<string, PgType>>> = {
  condition: conditionTable,
  observation: observationTable,
  report: reportTable,
  procedure: procedureTable,
  medication: medicationTable,
  importedDecision: importedDecisionTable,
};

/**
 * Stores one chunk's rows of one table, set-based: one query loads the rows these
 * resources became last time, one statement inserts the new ones, one updates
 * those whose fingerprint changed; unchanged rows are not touched. A resource
 * imported before for another patient is refused: moving clinical data between
 * patients is not something an import should do silently.
 */
export async function writeClinicalRows<T extends KeyedTable>(tx: Tx, table: T, items: ClinicalItem<T>[]): Promise<Map<number, EntryWriteResult>> {
  const results = new Map<number, EntryWriteResult>();
  if (items.length === 0) return results;
  const spec = specs[table];
  const keys = items.flatMap((i) => (i.formerIdentity ? [i.identity, i.formerIdentity] : [i.identity]));
  const extra = table === 'observation' ? OBSERVED_CODE_COLUMNS : [];
  const existing = new Map((await findBySourceKeys(tx, spec.table, keys, extra)).map((r) => [keyOf(r), r]));

  const inserts: BulkRow<Record<string, PgType>>[] = [];
  const updates: BulkRow<Record<string, PgType>>[] = [];
  const adopted = new Set<string>();
  for (const item of items) {
    const hash = sourceHash({ table, row: item.row, patientId: item.patientId, identity: item.identity });
    let found = existing.get(keyOf(item.identity));
    if (!found && item.formerIdentity) {
      // Stored under the former key (the identifier alone): the same row only if it observes
      // the same thing; another analyte of the same order keeps its row. The update re-keys it.
      const former = existing.get(keyOf(item.formerIdentity));
      if (former && !adopted.has(former.id) && observationCodeKey(former as unknown as ObservedCode) === observationCodeKey(item.row as ObservedCode)) {
        adopted.add(former.id);
        found = former;
      }
    }
    const values = { ...item.row, patientId: item.patientId, ...item.identity, sourceHash: hash };
    if (!found) {
      inserts.push({ id: newRowId(), ...values });
      results.set(item.entryIndex, { outcome: 'created', patientId: item.patientId });
    } else if (found.patientId !== item.patientId) {
      results.set(item.entryIndex, {
        outcome: 'failed',
        conflict: true,
        issue: errorIssue('Conflict: this resource was imported before for a different patient; Konsil does not move clinical data between patients', item.path, 'conflict'),
      });
    } else if (found.sourceHash === hash) {
      results.set(item.entryIndex, { outcome: 'unchanged', patientId: item.patientId });
    } else {
      updates.push({ id: found.id, ...values });
      results.set(item.entryIndex, { outcome: 'updated', patientId: item.patientId });
    }
  }
  await bulkInsert(tx, spec, inserts);
  await bulkUpdate(tx, spec, updates);
  return results;
}

function keyOf(identity: SourceIdentity): string {
  return `${identity.sourceSystem}|${identity.sourceId}`;
}
