import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '../client';

// Set-based writes for imports. Prisma 7's createMany runs at ~1 ms per row here
// (3,570 observations: 3–8 s), an INSERT … SELECT FROM unnest(<one array per
// column>) takes ~130 ms, and a re-import of a changed world would otherwise be
// one UPDATE per row. So new and changed rows go in one statement per table and
// chunk, with every value a bound parameter (arrays), never spliced into SQL.
// Table and column names come only from the typed specs below: `BulkColumns`
// must list every column of the Prisma model (except id/createdAt/updatedAt), so a
// schema change that adds or renames a column fails the type check here.

/** PostgreSQL element type of a column, for the array cast (`$1::text[]`). */
export type PgType = 'text' | 'float8' | 'int4' | 'boolean' | 'date' | 'timestamptz' | 'text[]' | 'jsonb' | `"${string}"`;

/** Every column of a Prisma create input except the ones the database or this module fills. */
export type BulkColumns<CreateInput> = { [K in Exclude<keyof CreateInput, 'id' | 'createdAt' | 'updatedAt' | 'version'>]-?: PgType };

export interface BulkTable<Columns extends Record<string, PgType>> {
  /** The table name (@@map in the schema). */
  table: string;
  columns: Columns;
  /** Set "updatedAt" = now() on insert and update (Prisma's @updatedAt is filled by the client, not the database). */
  hasUpdatedAt: boolean;
  /** Bump the optimistic-concurrency `version` on update. */
  hasVersion: boolean;
}

/** Column values as stored: dates as 'YYYY-MM-DD', instants as ISO strings, arrays of text for text[]. */
export type BulkRow<Columns> = { id: string } & { [K in keyof Columns]: unknown };

// A text[] column travels as one string per row, split in SQL: unnest() cannot
// carry an array of arrays. The unit separator does not occur in DICOM modality codes.
const SEPARATOR = '\u001f';

function columnArray(type: PgType, values: unknown[]): Prisma.Sql {
  // jsonb values travel as their JSON text, one per row, and are parsed by the array cast.
  if (type === 'jsonb') return Prisma.sql`${values.map((v) => (v === null || v === undefined ? null : JSON.stringify(v)))}::jsonb[]`;
  if (type === 'text[]') return Prisma.sql`${values.map((v) => (v === null || v === undefined ? null : (v as string[]).join(SEPARATOR)))}::text[]`;
  return Prisma.sql`${values.map((v) => (v === undefined ? null : v))}::${Prisma.raw(type)}[]`;
}

function selectExpression(name: string, type: PgType): Prisma.Sql {
  const column = Prisma.raw(`u."${name}"`);
  return type === 'text[]' ? Prisma.sql`string_to_array(${column}, chr(31))` : column;
}

/** INSERT of many rows in one statement. */
export async function bulkInsert<Columns extends Record<string, PgType>>(tx: Tx, spec: BulkTable<Columns>, rows: BulkRow<Columns>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.columns) as (keyof Columns & string)[];
  const target = [...names, ...(spec.hasUpdatedAt ? ['updatedAt'] : [])].map((n) => `"${n}"`).join(', ');
  await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${spec.table}"`)} ("id", ${Prisma.raw(target)})
    SELECT u."id", ${Prisma.join(names.map((n) => selectExpression(n, spec.columns[n] as PgType)))}${Prisma.raw(spec.hasUpdatedAt ? ', now()' : '')}
    FROM unnest(${rows.map((r) => r.id)}::text[], ${Prisma.join(names.map((n) => columnArray(spec.columns[n] as PgType, rows.map((r) => r[n]))))})
      AS u("id", ${Prisma.raw(names.map((n) => `"${n}"`).join(', '))})`;
}

/** UPDATE of many rows (matched by id) in one statement. */
export async function bulkUpdate<Columns extends Record<string, PgType>>(tx: Tx, spec: BulkTable<Columns>, rows: BulkRow<Columns>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(spec.columns) as (keyof Columns & string)[];
  const assignments = [
    ...names.map((n) => (spec.columns[n] === 'text[]' ? `"${n}" = string_to_array(u."${n}", chr(31))` : `"${n}" = u."${n}"`)),
    ...(spec.hasUpdatedAt ? ['"updatedAt" = now()'] : []),
    ...(spec.hasVersion ? ['"version" = t."version" + 1'] : []),
  ].join(', ');
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${spec.table}"`)} AS t SET ${Prisma.raw(assignments)}
    FROM unnest(${rows.map((r) => r.id)}::text[], ${Prisma.join(names.map((n) => columnArray(spec.columns[n] as PgType, rows.map((r) => r[n]))))})
      AS u("id", ${Prisma.raw(names.map((n) => `"${n}"`).join(', '))})
    WHERE t."id" = u."id"`;
}

type SourceKeyedRow = { id: string; patientId: string; sourceSystem: string; sourceId: string; sourceHash: string | null };

/**
 * Rows of `table` with these source keys: what an import made of these resources
 * last time. `extraColumns` (names from code, never from input) are selected too.
 */
export async function findBySourceKeys<Extra extends string = never>(
  tx: Tx,
  table: string,
  keys: { sourceSystem: string; sourceId: string }[],
  extraColumns: readonly Extra[] = [],
): Promise<(SourceKeyedRow & Record<Extra, unknown>)[]> {
  if (keys.length === 0) return [];
  const systems = [...new Set(keys.map((k) => k.sourceSystem))];
  const extra = extraColumns.map((c) => `, "${c}"`).join('');
  const rows = await tx.$queryRaw<(SourceKeyedRow & Record<Extra, unknown>)[]>`
    SELECT "id", "patientId", "sourceSystem", "sourceId", "sourceHash"${Prisma.raw(extra)} FROM ${Prisma.raw(`"${table}"`)}
    WHERE "sourceSystem" = ANY(${systems}::text[]) AND "sourceId" = ANY(${keys.map((k) => k.sourceId)}::text[])`;
  return rows;
}
