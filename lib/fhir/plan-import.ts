// Phase one of an import: read, validate, map and resolve every entry, without
// writing. Linear in the payload: one pass per step, Map lookups for references
// and duplicates, and one query for every patient referenced from outside it.
import type { Medication, OperationOutcomeIssue, Provenance, Resource } from '@medplum/fhirtypes';
import type { FindKnownPatients, ImportPlan, KnownPatient, PatientGroup, PlannedEntry } from './import-plan';
import { at, errorIssue, isError, warningIssue } from './issues';
import { isImportedResourceType, mapResource, type MapContext } from './map-resource';
import { readPayload, type PayloadEntry } from './read-payload';
import { BundleIndex, parseReference, resolvePatientInBundle, type PatientResolution } from './references';
import { fhirSourceSystem } from './source-identity';
import { isR4ResourceType, validateFhirResource } from './validate';

export async function planImport(payload: unknown, findKnownPatients: FindKnownPatients): Promise<ImportPlan> {
  const { kind, entries: raw } = readPayload(payload);
  const index = new BundleIndex(raw.map(indexable));
  const findBundled = (reference: string): Resource | undefined => {
    const found = index.findLiteral(parseReference({ reference }));
    return found === undefined ? undefined : (raw[found]!.resource as Resource | undefined);
  };
  const findBundledMedication = (reference: string): Medication | undefined => {
    const resource = findBundled(reference);
    return resource?.resourceType === 'Medication' ? (resource as Medication) : undefined;
  };
  const provenanceByTarget = provenanceTargets(raw, index);
  const contextFor = (entry: PayloadEntry): Omit<MapContext, 'path' | 'fullUrl'> => ({
    findBundledMedication,
    carePlan: { findBundled, findProvenance: () => provenanceByTarget.get(entry.index) },
  });

  const subjects = new Map<number, PatientResolution>();
  const entries = raw.map((entry) => planEntry(entry, contextFor(entry), (resolution) => subjects.set(entry.index, resolution), index));
  markDuplicates(entries);
  await resolveOutsideReferences(entries, raw, subjects, findKnownPatients);
  failEntriesOfFailedPatients(entries);
  return { kind, entries, groups: groupByPatient(entries) };
}

function planEntry(
  entry: PayloadEntry,
  context: Omit<MapContext, 'path' | 'fullUrl'>,
  setSubject: (resolution: PatientResolution) => void,
  index: BundleIndex,
): PlannedEntry {
  const resource = entry.resource as Record<string, unknown> | undefined;
  const resourceType = typeof resource?.resourceType === 'string' ? resource.resourceType : undefined;
  const planned: PlannedEntry = { index: entry.index, path: entry.path, resourceType, state: 'failed', issues: [...entry.issues] };
  if (entry.issues.some(isError)) return planned;
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    planned.issues.push(errorIssue('The resource must be a JSON object', entry.path, 'structure'));
    return planned;
  }
  if (!resourceType) {
    planned.issues.push(errorIssue('The resource has no resourceType', at(entry.path, 'resourceType'), 'required'));
    return planned;
  }
  if (!isR4ResourceType(resourceType)) {
    planned.issues.push(errorIssue(`"${resourceType}" is not a FHIR R4 resource type`, at(entry.path, 'resourceType'), 'not-supported'));
    return planned;
  }
  if (!isImportedResourceType(resourceType)) {
    const why =
      resourceType === 'Medication'
        ? 'not imported on its own: Konsil reads a Medication only as the drug of a MedicationStatement or MedicationRequest'
        : `not imported: Konsil does not use ${resourceType}`;
    return { ...planned, state: 'skipped', issues: [...planned.issues, warningIssue(why, entry.path, 'not-supported')] };
  }

  const notImported = notImportedBecause(resource);
  if (notImported) return { ...planned, state: 'skipped', issues: [...planned.issues, warningIssue(notImported, entry.path, 'not-supported')] };

  const structural = validateFhirResource(resource).map((issue) => rebase(issue, resourceType, entry.path));
  planned.issues.push(...structural);
  if (structural.some(isError)) return planned;

  const mapped = mapResource(resource as unknown as Resource, { ...context, path: entry.path, fullUrl: entry.fullUrl });
  planned.issues.push(...mapped.issues);
  if (mapped.issues.some(isError)) return planned;
  if (mapped.patient) return { ...planned, state: 'ready', patient: mapped.patient, group: `entry:${entry.index}` };
  if (!mapped.clinical || !mapped.subject) return planned;

  const resolution = resolvePatientInBundle(mapped.subject, index, (i) => `Bundle.entry[${i}]`);
  if (resolution.kind === 'error') {
    planned.issues.push(errorIssue(`The subject cannot be resolved: ${resolution.text}`, at(entry.path, 'subject'), 'not-found'));
    return planned;
  }
  setSubject(resolution);
  return { ...planned, state: 'ready', clinical: mapped.clinical, ...(resolution.kind === 'entry' ? { group: `entry:${resolution.index}` } : {}) };
}

/**
 * Resources of an imported type that are still not imported, and why. A MedicationRequest with
 * intent `proposal` is a recommendation (a board's, say), not a drug the patient was prescribed:
 * imported as one it would enter the medication history. Its CarePlan reads it. A CarePlan that
 * was revoked or entered in error is no longer a decision.
 */
function notImportedBecause(resource: Record<string, unknown>): string | undefined {
  if (resource.resourceType === 'MedicationRequest' && resource.intent === 'proposal') {
    return 'not imported as a medication: a proposal is a recommendation, not a drug the patient takes (the CarePlan that lists it reads it)';
  }
  if (resource.resourceType === 'CarePlan' && typeof resource.status === 'string' && ['revoked', 'entered-in-error', 'draft'].includes(resource.status)) {
    return `not imported: a ${resource.status} CarePlan is not a decision in force`;
  }
  return undefined;
}

/** For each CarePlan entry, the Provenance entry of the Bundle that targets it (the first one). */
function provenanceTargets(raw: PayloadEntry[], index: BundleIndex): Map<number, Provenance> {
  const byTarget = new Map<number, Provenance>();
  for (const entry of raw) {
    const resource = entry.resource as Resource | undefined;
    if (resource?.resourceType !== 'Provenance') continue;
    for (const target of (resource as Provenance).target ?? []) {
      const found = index.findLiteral(parseReference(target));
      if (found !== undefined && index.typeOf(found) === 'CarePlan' && !byTarget.has(found)) byTarget.set(found, resource as Provenance);
    }
  }
  return byTarget;
}

/** Validator paths start at the resource type; in a Bundle they start at the entry. */
function rebase(issue: OperationOutcomeIssue, resourceType: string, path: string): OperationOutcomeIssue {
  const expression = issue.expression?.[0];
  if (expression === undefined) return { ...issue, expression: [path] };
  const rebased = expression === resourceType || expression.startsWith(`${resourceType}.`) ? path + expression.slice(resourceType.length) : at(path, expression);
  return { ...issue, expression: [rebased] };
}

function indexable(entry: PayloadEntry) {
  const resource = entry.resource as { resourceType?: unknown; id?: unknown; identifier?: unknown } | undefined;
  const resourceType = typeof resource?.resourceType === 'string' ? resource.resourceType : undefined;
  const identifiers =
    resourceType === 'Patient' && Array.isArray(resource?.identifier)
      ? (resource.identifier as unknown[]).flatMap((i) => {
          const { system, value } = (i ?? {}) as { system?: unknown; value?: unknown };
          return typeof value === 'string' && value.trim() ? [{ ...(typeof system === 'string' && system.trim() ? { system: system.trim() } : {}), value: value.trim() }] : [];
        })
      : undefined;
  return {
    index: entry.index,
    ...(entry.fullUrl ? { fullUrl: entry.fullUrl } : {}),
    ...(resourceType ? { resourceType } : {}),
    ...(typeof resource?.id === 'string' ? { id: resource.id } : {}),
    ...(identifiers ? { identifiers } : {}),
  };
}

/** Two entries that would become the same row: the first wins, the later one fails. */
function markDuplicates(entries: PlannedEntry[]): void {
  const seen = new Map<string, number>();
  const claim = (entry: PlannedEntry, key: string, what: string): boolean => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, entry.index);
      return true;
    }
    fail(entry, errorIssue(`Duplicate: Bundle.entry[${first}] already imports ${what}`, entry.path, 'duplicate'));
    return false;
  };
  for (const entry of entries) {
    if (entry.state !== 'ready') continue;
    if (entry.patient) {
      const { row, sourceSystem, sourceId } = entry.patient;
      if (!claim(entry, `patient-mrn|${row.mrn}`, `a patient with MRN ${row.mrn}`)) continue;
      if (sourceId) claim(entry, `patient-id|${sourceSystem}|${sourceId}`, `Patient/${sourceId}`);
    } else if (entry.clinical) {
      const { table, identity } = entry.clinical;
      if (!claim(entry, `${table}|${identity.sourceSystem}|${identity.sourceId}`, `the resource with source id ${identity.sourceSystem}|${identity.sourceId}`)) continue;
      if (entry.clinical.table === 'imagingStudy') claim(entry, `uid|${entry.clinical.row.studyInstanceUid}`, `Study Instance UID ${entry.clinical.row.studyInstanceUid}`);
    }
  }
}

/** References to patients outside the payload: one query for all of them. */
async function resolveOutsideReferences(
  entries: PlannedEntry[],
  raw: PayloadEntry[],
  subjects: Map<number, PatientResolution>,
  findKnownPatients: FindKnownPatients,
): Promise<void> {
  const fhirIds = new Set<string>();
  const mrns = new Set<string>();
  for (const [i, resolution] of subjects) {
    if (entries[i]!.state !== 'ready') continue;
    if (resolution.kind === 'byFhirId') fhirIds.add(resolution.id);
    if (resolution.kind === 'byMrn') mrns.add(resolution.value);
  }
  if (fhirIds.size === 0 && mrns.size === 0) return;
  const known = await findKnownPatients({ fhirIds: [...fhirIds], mrns: [...mrns] });
  const byFhirId = new Map<string, KnownPatient[]>();
  const byMrn = new Map<string, KnownPatient>();
  for (const patient of known) {
    if (patient.sourceId && patient.sourceSystem?.startsWith('fhir:')) byFhirId.set(patient.sourceId, [...(byFhirId.get(patient.sourceId) ?? []), patient]);
    byMrn.set(patient.mrn, patient);
  }

  for (const [i, resolution] of subjects) {
    const entry = entries[i]!;
    if (entry.state !== 'ready' || (resolution.kind !== 'byFhirId' && resolution.kind !== 'byMrn')) continue;
    let patient: KnownPatient | undefined;
    let problem: string;
    if (resolution.kind === 'byFhirId') {
      const candidates = byFhirId.get(resolution.id) ?? [];
      // The same FHIR id from two sources: the one from this resource's own source.
      const sameSource = candidates.filter((c) => c.sourceSystem === fhirSourceSystem(raw[i]!.resource as Resource));
      patient = candidates.length === 1 ? candidates[0] : sameSource.length === 1 ? sameSource[0] : undefined;
      problem =
        candidates.length > 1
          ? `Patient/${resolution.id} matches patients from several FHIR sources; send meta.source or reference by identifier`
          : `Patient/${resolution.id} is neither in this Bundle nor a patient Konsil has imported`;
    } else {
      const candidate = byMrn.get(resolution.value);
      const systemsDiffer = Boolean(candidate && resolution.system && candidate.mrnSystem && candidate.mrnSystem !== resolution.system);
      patient = systemsDiffer ? undefined : candidate;
      problem = `no Patient in this Bundle and no Konsil patient has identifier ${resolution.system ?? ''}|${resolution.value}`;
    }
    if (patient) entry.group = `patient:${patient.id}`;
    else fail(entry, errorIssue(`The subject cannot be resolved: ${problem}`, at(entry.path, 'subject'), 'not-found'));
  }
}

function failEntriesOfFailedPatients(entries: PlannedEntry[]): void {
  for (const entry of entries) {
    if (entry.state !== 'ready' || !entry.group?.startsWith('entry:')) continue;
    const patientIndex = Number(entry.group.slice('entry:'.length));
    if (patientIndex !== entry.index && entries[patientIndex]!.state !== 'ready') {
      fail(entry, errorIssue(`Not imported because its patient, Bundle.entry[${patientIndex}], could not be imported`, at(entry.path, 'subject'), 'processing'));
    }
  }
}

function groupByPatient(entries: PlannedEntry[]): PatientGroup[] {
  const groups = new Map<string, PatientGroup>();
  for (const entry of entries) {
    if (entry.state !== 'ready' || !entry.group) continue;
    let group = groups.get(entry.group);
    if (!group) {
      group = { key: entry.group, clinicalEntries: [] };
      if (entry.group.startsWith('patient:')) group.knownPatientId = entry.group.slice('patient:'.length);
      groups.set(entry.group, group);
    }
    if (entry.patient) group.patientEntry = entry.index;
    else group.clinicalEntries.push(entry.index);
  }
  return [...groups.values()];
}

function fail(entry: PlannedEntry, issue: OperationOutcomeIssue, options?: { conflict?: boolean }): void {
  entry.state = 'failed';
  entry.issues.push(issue);
  delete entry.group;
  if (options?.conflict) entry.conflict = true;
}
