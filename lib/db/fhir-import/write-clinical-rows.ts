import 'server-only';
import type { EntryWriteResult } from '@/lib/fhir/import-plan';
import { errorIssue } from '@/lib/fhir/issues';
import type { ClinicalRows, SourceIdentity } from '@/lib/fhir/mapped-rows';
import { sourceHash } from '@/lib/fhir/source-hash';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '../client';

/** The clinical tables that are keyed by (sourceSystem, sourceId) alone; imaging studies are keyed by UID (write-imaging-studies.ts). */
export type KeyedTable = 'condition' | 'observation' | 'report' | 'procedure' | 'medication';

export interface ClinicalItem<T extends KeyedTable = KeyedTable> {
  entryIndex: number;
  path: string;
  patientId: string;
  identity: SourceIdentity;
  row: ClinicalRows[T];
}

interface ExistingRow {
  id: string;
  patientId: string;
  sourceSystem: string | null;
  sourceId: string | null;
  sourceHash: string | null;
}

/** The columns every imported row shares. */
interface RowKeys {
  patientId: string;
  sourceSystem: string;
  sourceId: string;
  sourceHash: string;
}

interface TableAccess<T extends KeyedTable, D> {
  toData(row: ClinicalRows[T], keys: RowKeys): D;
  find(tx: Tx, systems: string[], ids: string[]): Promise<ExistingRow[]>;
  createMany(tx: Tx, data: D[]): Promise<unknown>;
  update(tx: Tx, id: string, data: D): Promise<unknown>;
}

const existingColumns = { id: true, patientId: true, sourceSystem: true, sourceId: true, sourceHash: true } as const;
const where = (systems: string[], ids: string[]) => ({ sourceSystem: { in: systems }, sourceId: { in: ids } });
const day = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

// Each table's data is typed against its Prisma input, so a mapped row that does
// not fit its table fails the type check here.
const conditions: TableAccess<'condition', Prisma.ConditionCreateManyInput> = {
  toData: (row, keys) => ({ ...row, onsetDate: day(row.onsetDate), ...keys }),
  find: (tx, s, i) => tx.condition.findMany({ where: where(s, i), select: existingColumns }),
  createMany: (tx, data) => tx.condition.createMany({ data }),
  update: (tx, id, data) => tx.condition.update({ where: { id }, data }),
};
const observations: TableAccess<'observation', Prisma.ObservationCreateManyInput> = {
  toData: (row, keys) => ({ ...row, effectiveAt: new Date(row.effectiveAt), ...keys }),
  find: (tx, s, i) => tx.observation.findMany({ where: where(s, i), select: existingColumns }),
  createMany: (tx, data) => tx.observation.createMany({ data }),
  update: (tx, id, data) => tx.observation.update({ where: { id }, data }),
};
const reports: TableAccess<'report', Prisma.ReportCreateManyInput> = {
  toData: (row, keys) => ({ ...row, issuedAt: new Date(row.issuedAt), ...keys }),
  find: (tx, s, i) => tx.report.findMany({ where: where(s, i), select: existingColumns }),
  createMany: (tx, data) => tx.report.createMany({ data }),
  update: (tx, id, data) => tx.report.update({ where: { id }, data }),
};
const procedures: TableAccess<'procedure', Prisma.ProcedureCreateManyInput> = {
  toData: (row, keys) => ({
    ...row,
    performedStart: new Date(row.performedStart),
    performedEnd: row.performedEnd ? new Date(row.performedEnd) : null,
    ...keys,
  }),
  find: (tx, s, i) => tx.procedure.findMany({ where: where(s, i), select: existingColumns }),
  createMany: (tx, data) => tx.procedure.createMany({ data }),
  update: (tx, id, data) => tx.procedure.update({ where: { id }, data }),
};
const medications: TableAccess<'medication', Prisma.MedicationCreateManyInput> = {
  toData: (row, keys) => ({ ...row, startDate: day(row.startDate), endDate: day(row.endDate), ...keys }),
  find: (tx, s, i) => tx.medication.findMany({ where: where(s, i), select: existingColumns }),
  createMany: (tx, data) => tx.medication.createMany({ data }),
  update: (tx, id, data) => tx.medication.update({ where: { id }, data }),
};

// The generic writer below sees every table the same way; each entry above is
// type-checked on its own, so widening them here loses nothing.
const tables = { condition: conditions, observation: observations, report: reports, procedure: procedures, medication: medications } as unknown as Record<
  KeyedTable,
  TableAccess<KeyedTable, object>
>;

/**
 * Stores one chunk's rows of one table, set-based: one query loads the rows these
 * resources became last time, one statement creates the new ones, and only rows
 * whose fingerprint changed are updated. A resource imported before for another
 * patient is refused: moving clinical data between patients is not something an
 * import should do silently.
 */
export async function writeClinicalRows<T extends KeyedTable>(tx: Tx, table: T, items: ClinicalItem<T>[]): Promise<Map<number, EntryWriteResult>> {
  const results = new Map<number, EntryWriteResult>();
  if (items.length === 0) return results;
  const access = tables[table];
  const systems = [...new Set(items.map((i) => i.identity.sourceSystem))];
  const ids = items.map((i) => i.identity.sourceId);
  const existing = new Map((await access.find(tx, systems, ids)).map((r) => [`${r.sourceSystem}|${r.sourceId}`, r]));

  const creates: object[] = [];
  const createdItems: ClinicalItem<T>[] = [];
  for (const item of items) {
    const hash = sourceHash({ table, row: item.row, patientId: item.patientId, identity: item.identity });
    const data = access.toData(item.row, { patientId: item.patientId, ...item.identity, sourceHash: hash });
    const found = existing.get(`${item.identity.sourceSystem}|${item.identity.sourceId}`);
    if (!found) {
      creates.push(data);
      createdItems.push(item);
    } else if (found.patientId !== item.patientId) {
      results.set(item.entryIndex, {
        outcome: 'failed',
        conflict: true,
        issue: errorIssue('Conflict: this resource was imported before for a different patient; Konsil does not move clinical data between patients', item.path, 'conflict'),
      });
    } else if (found.sourceHash === hash) {
      results.set(item.entryIndex, { outcome: 'unchanged', patientId: item.patientId });
    } else {
      await access.update(tx, found.id, data);
      results.set(item.entryIndex, { outcome: 'updated', patientId: item.patientId });
    }
  }
  if (creates.length > 0) await access.createMany(tx, creates);
  for (const item of createdItems) results.set(item.entryIndex, { outcome: 'created', patientId: item.patientId });
  return results;
}
