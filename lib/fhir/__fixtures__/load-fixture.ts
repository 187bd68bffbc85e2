// Test fixtures: realistic FHIR payloads. Each call returns a fresh copy, so a
// test may change it (break an entry, switch the Bundle type) without affecting others.
import { readFileSync } from 'node:fs';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

const cache = new Map<string, string>();

/** A small oncology patient: NSCLC stage IVA with TNM, ECOG, labs, reports, procedures, drugs, CT. Entry 0 is the Patient. */
export function nsclcTransaction(): Bundle {
  return load('nsclc-patient-transaction.json') as Bundle;
}

export function load(name: string): unknown {
  if (!cache.has(name)) cache.set(name, readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
  return JSON.parse(cache.get(name)!);
}

/** The entry at `index`, typed as the resource the test expects there. */
export function resourceAt<T extends Resource>(bundle: Bundle, index: number): T {
  return (bundle.entry as BundleEntry[])[index]!.resource as T;
}
