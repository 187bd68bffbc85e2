// Resolving the references Konsil needs (a resource's subject → its Patient).
// Accepted forms, tried in this order:
//   urn:uuid:… / urn:oid:…            the Bundle entry with that fullUrl
//   Patient/123                        the Bundle entry with that type and id, else a
//                                      patient Konsil imported before with FHIR id 123
//   https://host/fhir/Patient/123      the entry with that fullUrl, else as Patient/123
//   Patient?identifier=system|value    a Patient entry with that identifier, else the
//                                      Konsil patient with that MRN (system checked
//                                      when both sides have one)
//   { identifier: {system, value} }    (a logical reference) as the line above
// A reference that finds nothing is an error for its entry. Lookups are Map
// based (no scanning per reference), so resolving is linear in the Bundle size.
import type { Reference } from '@medplum/fhirtypes';

export type ParsedReference =
  | { kind: 'fullUrl'; url: string }
  | { kind: 'literal'; type: string; id: string; url?: string }
  | { kind: 'identifier'; type?: string; system?: string; value: string }
  | { kind: 'contained'; id: string }
  | { kind: 'invalid'; reason: string };

const LITERAL = /^(?:(https?:\/\/.+)\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function parseReference(reference: Reference): ParsedReference {
  const text = reference.reference?.trim();
  if (!text) {
    const value = reference.identifier?.value?.trim();
    if (value) return { kind: 'identifier', type: reference.type, system: reference.identifier?.system?.trim() || undefined, value };
    return { kind: 'invalid', reason: 'the reference has neither a reference nor an identifier' };
  }
  if (text.startsWith('#')) return { kind: 'contained', id: text.slice(1) };
  if (text.startsWith('urn:uuid:') || text.startsWith('urn:oid:')) return { kind: 'fullUrl', url: text };
  const question = text.indexOf('?');
  if (question > 0) return parseConditional(text.slice(0, question), text.slice(question + 1));
  const match = LITERAL.exec(text);
  if (!match) return { kind: 'invalid', reason: `"${text}" is not a reference Konsil understands (Type/id, an absolute URL ending in Type/id, urn:uuid:, or Type?identifier=system|value)` };
  const [, base, type, id] = match;
  return { kind: 'literal', type: type!, id: id!, ...(base ? { url: text } : {}) };
}

function parseConditional(type: string, query: string): ParsedReference {
  const params = new URLSearchParams(query);
  const keys = [...new Set(params.keys())];
  const identifier = params.get('identifier');
  if (keys.length !== 1 || !identifier) {
    return { kind: 'invalid', reason: `conditional references must search by identifier only (${type}?identifier=system|value)` };
  }
  const bar = identifier.indexOf('|');
  const system = bar >= 0 ? identifier.slice(0, bar).trim() : '';
  const value = (bar >= 0 ? identifier.slice(bar + 1) : identifier).trim();
  if (!value) return { kind: 'invalid', reason: 'the conditional reference has an empty identifier value' };
  return { kind: 'identifier', type, system: system || undefined, value };
}

interface IndexedEntry {
  index: number;
  fullUrl?: string;
  resourceType?: string;
  id?: string;
  identifiers?: { system?: string; value: string }[];
}

/** Where each entry of a Bundle can be found by reference. */
export class BundleIndex {
  private readonly byFullUrl = new Map<string, number>();
  private readonly byTypeId = new Map<string, number>();
  private readonly patientsByIdentifier = new Map<string, number[]>();
  private readonly types = new Map<number, string | undefined>();

  constructor(entries: IndexedEntry[]) {
    for (const entry of entries) {
      this.types.set(entry.index, entry.resourceType);
      if (entry.fullUrl && !this.byFullUrl.has(entry.fullUrl)) this.byFullUrl.set(entry.fullUrl, entry.index);
      if (entry.resourceType && entry.id) {
        const key = `${entry.resourceType}/${entry.id}`;
        if (!this.byTypeId.has(key)) this.byTypeId.set(key, entry.index);
      }
      if (entry.resourceType === 'Patient') {
        for (const identifier of entry.identifiers ?? []) {
          // Two keys: with the system (exact searches) and without (searches that name no system).
          for (const key of [`${identifier.system ?? ''}|${identifier.value}`, `*|${identifier.value}`]) {
            const list = this.patientsByIdentifier.get(key) ?? [];
            if (!list.includes(entry.index)) list.push(entry.index);
            this.patientsByIdentifier.set(key, list);
          }
        }
      }
    }
  }

  typeOf(index: number): string | undefined {
    return this.types.get(index);
  }

  /** The entry a reference points to, by fullUrl or Type/id (not by identifier). */
  findLiteral(parsed: ParsedReference): number | undefined {
    if (parsed.kind === 'fullUrl') return this.byFullUrl.get(parsed.url);
    if (parsed.kind === 'literal') return (parsed.url ? this.byFullUrl.get(parsed.url) : undefined) ?? this.byTypeId.get(`${parsed.type}/${parsed.id}`);
    return undefined;
  }

  patientsWithIdentifier(system: string | undefined, value: string): number[] {
    return this.patientsByIdentifier.get(`${system ?? '*'}|${value}`) ?? [];
  }
}

export type PatientResolution =
  | { kind: 'entry'; index: number }
  | { kind: 'byFhirId'; id: string }
  | { kind: 'byMrn'; system?: string; value: string }
  | { kind: 'error'; text: string };

/** Resolves a subject within the Bundle, or says what to look up in Konsil's patients. */
export function resolvePatientInBundle(reference: Reference, index: BundleIndex, entryPath: (i: number) => string): PatientResolution {
  const parsed = parseReference(reference);
  switch (parsed.kind) {
    case 'invalid':
      return { kind: 'error', text: parsed.reason };
    case 'contained':
      return { kind: 'error', text: 'the subject is a contained resource; Konsil imports patients only as their own Bundle entries' };
    case 'fullUrl': {
      const found = index.findLiteral(parsed);
      if (found === undefined) return { kind: 'error', text: `no entry in this Bundle has fullUrl ${parsed.url}` };
      return asPatientEntry(found, index, entryPath);
    }
    case 'literal': {
      if (parsed.type !== 'Patient') return { kind: 'error', text: `the subject must be a Patient, not a ${parsed.type}` };
      const found = index.findLiteral(parsed);
      return found === undefined ? { kind: 'byFhirId', id: parsed.id } : asPatientEntry(found, index, entryPath);
    }
    case 'identifier': {
      if (parsed.type && parsed.type !== 'Patient') return { kind: 'error', text: `the subject must be a Patient, not a ${parsed.type}` };
      const found = index.patientsWithIdentifier(parsed.system, parsed.value);
      if (found.length > 1) return { kind: 'error', text: `several Patient entries in this Bundle have identifier ${parsed.system ?? ''}|${parsed.value}` };
      if (found.length === 1) return { kind: 'entry', index: found[0]! };
      return { kind: 'byMrn', system: parsed.system, value: parsed.value };
    }
  }
}

function asPatientEntry(found: number, index: BundleIndex, entryPath: (i: number) => string): PatientResolution {
  const type = index.typeOf(found);
  if (type !== 'Patient') return { kind: 'error', text: `the subject points to ${entryPath(found)}, which is ${type ? `a ${type}` : 'not a resource'}, not a Patient` };
  return { kind: 'entry', index: found };
}
