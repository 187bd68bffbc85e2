// Collects a patient's resources into one FHIR transaction bundle. Ids are
// derived from the seed, the MRN and a key naming the resource, so references
// can be formed before the resource exists (a Condition names its stage group,
// the stage group names the Condition) and a re-import PUTs the same ids.
import type { Bundle, BundleEntry, Coding, Meta, Resource } from '@medplum/fhirtypes';
import { uuidFor } from '../ids';
import { SYSTEM } from '../clinical/code-systems';

/** Every resource says it is synthetic twice: HL7's test-data security label and Konsil's tag. */
export function syntheticMeta(profile?: string): Meta {
  return {
    ...(profile ? { profile: [profile] } : {}),
    security: [{ system: SYSTEM.actReason, code: 'HTEST', display: 'test health data' }],
    tag: [{ system: SYSTEM.konsilTag, code: 'synthetic', display: 'Synthetic demo data' }],
  };
}

export const codeable = (...codings: Coding[]) => ({ coding: codings });

export class TransactionBundleBuilder {
  private readonly entries: BundleEntry[] = [];

  constructor(
    private readonly seed: number,
    private readonly mrn: string,
  ) {}

  /** The id a resource with this key gets. */
  idFor(key: string): string {
    return uuidFor(this.seed, this.mrn, key);
  }

  /** The `urn:uuid:` reference of the resource with this key (it may be added later). */
  ref(key: string): string {
    return `urn:uuid:${this.idFor(key)}`;
  }

  add<T extends Resource>(key: string, resource: T): string {
    const id = this.idFor(key);
    if (this.entries.some((e) => e.resource?.id === id)) throw new Error(`duplicate resource key ${key}`);
    this.entries.push({ fullUrl: `urn:uuid:${id}`, resource: { ...resource, id }, request: { method: 'PUT', url: `${resource.resourceType}/${id}` } });
    return `urn:uuid:${id}`;
  }

  build(): Bundle {
    return {
      resourceType: 'Bundle',
      id: this.idFor('bundle'),
      meta: syntheticMeta(),
      identifier: { system: 'urn:konsil:demo-world:bundle', value: `${this.seed}/${this.mrn}` },
      type: 'transaction',
      entry: this.entries,
    };
  }
}
