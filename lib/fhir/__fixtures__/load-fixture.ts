// Test fixtures: realistic FHIR payloads. Each call returns a fresh copy, so a
// test may change it (break an entry, switch the Bundle type) without affecting others.
import { readFileSync } from 'node:fs';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

const cache = new Map<string, string>();

/**
 * A small oncology patient: NSCLC stage IVA with TNM, ECOG, labs, reports,
 * procedures, drugs, CT. Entry 0 is the Patient. With `key` (digits), every
 * identifier, the MRN, the FHIR id and the Study Instance UID are made unique, so
 * integration tests sharing one database do not meet each other's rows.
 */
export function nsclcTransaction(options: { key?: string } = {}): Bundle {
  if (!options.key) return load('nsclc-patient-transaction.json') as Bundle;
  if (!/^\d{1,12}$/.test(options.key)) throw new Error('key must be digits (it becomes part of a DICOM UID)');
  const text = raw('nsclc-patient-transaction.json')
    .replaceAll('200001', options.key)
    .replaceAll('nsclc-001', `nsclc-${options.key}`)
    .replaceAll('E-2024-08812', `E-${options.key}`)
    .replaceAll('RAD-2024-33017', `RAD-${options.key}`)
    .replaceAll('10203040506070809', options.key);
  return JSON.parse(text) as Bundle;
}

let counter = 0;
/** A fresh key for nsclcTransaction. */
export function uniqueKey(): string {
  counter += 1;
  // Leading 9: a DICOM UID component must not start with 0.
  return `9${String(Date.now() % 1_000_000).padStart(6, '0')}${String(counter).padStart(3, '0')}`;
}

export function load(name: string): unknown {
  return JSON.parse(raw(name));
}

function raw(name: string): string {
  if (!cache.has(name)) cache.set(name, readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
  return cache.get(name)!;
}

/** The entry at `index`, typed as the resource the test expects there. */
export function resourceAt<T extends Resource>(bundle: Bundle, index: number): T {
  return (bundle.entry as BundleEntry[])[index]!.resource as T;
}
