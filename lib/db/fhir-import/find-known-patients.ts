import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import type { KnownPatient } from '@/lib/fhir/import-plan';
import { db } from '../client';
import { assertMayImport } from './assert-may-import';

/**
 * Patients an import references from outside its payload (`Patient/<id>` of an
 * earlier import, or `Patient?identifier=…|<MRN>`). Not scoped by board: an
 * import may attach data to any patient; `imports.run` is the permission for that.
 */
export async function findKnownPatients(query: { actor: Actor | null; fhirIds: string[]; mrns: string[] }): Promise<KnownPatient[]> {
  assertMayImport(query.actor);
  const or = [
    ...(query.fhirIds.length > 0 ? [{ sourceId: { in: query.fhirIds }, sourceSystem: { startsWith: 'fhir:' } }] : []),
    ...(query.mrns.length > 0 ? [{ mrn: { in: query.mrns } }] : []),
  ];
  if (or.length === 0) return [];
  return db().patient.findMany({ where: { OR: or }, select: { id: true, mrn: true, mrnSystem: true, sourceSystem: true, sourceId: true } });
}
