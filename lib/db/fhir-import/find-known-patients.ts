import 'server-only';
import type { KnownPatient } from '@/lib/fhir/import-plan';
import { db } from '../client';

/**
 * Patients an import references from outside its payload (`Patient/<id>` of an
 * earlier import, or `Patient?identifier=…|<MRN>`). Unscoped on purpose: an
 * import may attach data to any patient, and the caller has `imports.run`.
 */
export async function findKnownPatients(query: { fhirIds: string[]; mrns: string[] }): Promise<KnownPatient[]> {
  const or = [
    ...(query.fhirIds.length > 0 ? [{ sourceId: { in: query.fhirIds }, sourceSystem: { startsWith: 'fhir:' } }] : []),
    ...(query.mrns.length > 0 ? [{ mrn: { in: query.mrns } }] : []),
  ];
  if (or.length === 0) return [];
  return db().patient.findMany({ where: { OR: or }, select: { id: true, mrn: true, mrnSystem: true, sourceSystem: true, sourceId: true } });
}
