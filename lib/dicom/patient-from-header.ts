// A Konsil patient made from a DICOM header, for objects whose Patient ID
// matches no existing MRN and was issued by this hospital (import-run.ts
// refuses other issuers before anything is stored). The Patient ID becomes the
// MRN (and the record's dicom source id). Synthetic: only when the header says
// the object is Konsil demo data, i.e. Patient Comments (0010,4000) starting
// with "SYNTHETIC" (the convention Konsil's own generators follow); real-world
// files are never marked synthetic by guessing.
import { createHmac } from 'node:crypto';
import type { DicomIndexFields } from './index-fields';
import { dicomDateToUtcDay } from './dicom-dates';

export type PatientSex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';

export interface PatientFromHeader {
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: Date | null;
  sex: PatientSex;
  pseudonym: string;
  isSynthetic: boolean;
}

/** Only for objects whose Patient ID is this hospital's (no issuer, or a local one: see local-issuers.ts). */
export function patientFromHeader(patient: Omit<DicomIndexFields['patient'], 'issuer'> & { id: string }, pseudonymKey: string): PatientFromHeader {
  const { familyName, givenName } = splitPersonName(patient.name?.Alphabetic ?? patient.name?.Ideographic ?? '');
  return {
    mrn: patient.id,
    familyName: familyName || 'Unknown',
    givenName,
    birthDate: dicomDateToUtcDay(patient.birthDate),
    sex: sexOf(patient.sex),
    pseudonym: dicomPseudonym(patient.id, pseudonymKey),
    isSynthetic: /^\s*SYNTHETIC/i.test(patient.comments ?? ''),
  };
}

/** PN "Family^Given^Middle^Prefix^Suffix" → family name and "Given Middle". */
export function splitPersonName(value: string): { familyName: string; givenName: string } {
  const [family = '', given = '', middle = ''] = value.split('^').map((part) => part.trim());
  return { familyName: family, givenName: [given, middle].filter(Boolean).join(' ') };
}

export function sexOf(value: string | undefined): PatientSex {
  switch (value?.trim().toUpperCase()) {
    case 'M':
      return 'MALE';
    case 'F':
      return 'FEMALE';
    case 'O':
      return 'OTHER';
    default:
      return 'UNKNOWN';
  }
}

/**
 * "Patient DCM-7Q2K9XW4MB": the same Patient ID always gives the same pseudonym.
 * Keyed (HMAC), because MRNs are short numbers: a plain hash could be reversed
 * by trying them all.
 */
export function dicomPseudonym(patientId: string, key: string): string {
  const digest = createHmac('sha256', key).update(`dicom-patient:${patientId}`).digest();
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[digest[i]! % 32];
  return `Patient DCM-${out}`;
}
