// FHIR Patient → Konsil patient. Patients are matched by MRN first (the hospital's
// own key, shared with DICOM headers), then by the FHIR logical id from the same
// source; see lib/db/fhir-import/write-patients.ts.
import { createHmac } from 'node:crypto';
import type { Identifier, OperationOutcomeIssue, Patient } from '@medplum/fhirtypes';
import type { Sex } from '@/lib/generated/prisma/enums';
import { SYSTEM } from './code-systems';
import { clean, toDateOnly } from './fhir-values';
import { at, errorIssue } from './issues';
import type { PatientRow } from './mapped-rows';

const SEX: Record<string, Sex> = { male: 'MALE', female: 'FEMALE', other: 'OTHER', unknown: 'UNKNOWN' };

export interface MappedPatient {
  row: PatientRow;
  /** Every identifier with a value, for conditional references (`Patient?identifier=system|value`). */
  identifiers: { system?: string; value: string }[];
}

export function mapPatient(patient: Patient, path: string): { mapped?: MappedPatient; issues: OperationOutcomeIssue[] } {
  const issues: OperationOutcomeIssue[] = [];

  const mrnIdentifier = pickMrn(patient.identifier);
  if (!mrnIdentifier) {
    issues.push(
      errorIssue(
        'Konsil needs a medical record number: no Patient.identifier with a value is typed MR, typed like a record number (MRT, PI, "MRN") or untyped; insurance and other typed numbers are not used as the MRN',
        at(path, 'identifier'),
        'required',
      ),
    );
  }

  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const familyName = clean(name?.family) ?? '';
  const givenName = (name?.given ?? []).map((g) => g.trim()).filter(Boolean).join(' ');
  // A name given only as text is kept whole as the family name rather than guessing which part is which.
  const textOnly = !familyName && !givenName ? clean(name?.text) : undefined;
  if (!familyName && !givenName && !textOnly) issues.push(errorIssue('Konsil needs the patient\'s name: Patient.name has no family, given or text', at(path, 'name'), 'required'));

  const sex = SEX[patient.gender ?? 'unknown'];
  if (!sex) issues.push(errorIssue(`Patient.gender "${patient.gender}" is not one of male, female, other, unknown`, at(path, 'gender'), 'code-invalid'));

  if (issues.length > 0 || !mrnIdentifier || !sex) return { issues };
  return {
    mapped: {
      row: {
        mrn: mrnIdentifier.value!.trim(),
        mrnSystem: clean(mrnIdentifier.system) ?? null,
        familyName: textOnly ?? familyName,
        givenName,
        birthDate: toDateOnly(patient.birthDate) ?? null,
        sex,
        isSynthetic: isSyntheticPatient(patient),
      },
      identifiers: (patient.identifier ?? [])
        .filter((i) => clean(i.value))
        .map((i) => ({ ...(clean(i.system) ? { system: i.system!.trim() } : {}), value: i.value!.trim() })),
    },
    issues,
  };
}

/**
 * The MRN, among the identifiers with a value:
 *  1. the first typed MR (v2-0203 "medical record number");
 *  2. else the first that is untyped (senders often leave the MRN's type out), or
 *     typed like a record number: v2-0203 MRT (temporary MRN) or PI (patient
 *     internal identifier), or any coding or type text reading "MR" / "MRN";
 *  3. else none, and the patient is refused: an identifier typed as anything else
 *     (insurance number, passport, social security…) is never taken for the MRN,
 *     because patients are matched by MRN.
 */
function pickMrn(identifiers: Identifier[] | undefined): Identifier | undefined {
  const withValue = (identifiers ?? []).filter((i) => clean(i.value));
  return withValue.find((i) => i.type?.coding?.some((c) => c.system === SYSTEM.identifierType && c.code === 'MR')) ?? withValue.find((i) => !hasType(i) || isMrnLike(i));
}

const MRN_LIKE_V2_0203 = new Set(['MR', 'MRT', 'PI']);
const MRN_LIKE_TEXT = /^(mrn?|medical record( number)?)$/i;

function hasType(identifier: Identifier): boolean {
  return Boolean(clean(identifier.type?.text) || identifier.type?.coding?.some((c) => clean(c.code)));
}

function isMrnLike(identifier: Identifier): boolean {
  const { type } = identifier;
  return (
    MRN_LIKE_TEXT.test(type?.text?.trim() ?? '') ||
    (type?.coding ?? []).some((c) => (c.system === SYSTEM.identifierType && MRN_LIKE_V2_0203.has(c.code ?? '')) || MRN_LIKE_TEXT.test(c.code?.trim() ?? ''))
  );
}

/** Test data is marked HTEST (v3-ActReason) in meta.security, or tagged `synthetic` by Konsil's demo generator. */
export function isSyntheticPatient(patient: Patient): boolean {
  return (
    (patient.meta?.security ?? []).some((c) => c.system === SYSTEM.actReason && c.code === 'HTEST') ||
    (patient.meta?.tag ?? []).some((c) => c.system === SYSTEM.konsilTag && c.code === 'synthetic')
  );
}

/**
 * The pseudonym a new patient gets: deterministic from the MRN, so re-creating a
 * patient (a fresh database, a second import path) gives the same pseudonym.
 * Keyed (HMAC with the server secret), because MRNs are short numbers: a plain
 * hash could be reversed by trying every MRN.
 */
export function pseudonymFor(mrnSystem: string | null, mrn: string, key: string): string {
  return `P-${createHmac('sha256', key).update(`fhir-patient:${mrnSystem ?? ''}|${mrn}`).digest('hex').slice(0, 10)}`;
}
