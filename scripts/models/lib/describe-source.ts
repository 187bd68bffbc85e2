import type { FeatureSource } from '@/lib/models/model-card';

/** One line naming where a feature's value comes from, for the card.md table. */
export function describeSource(source: FeatureSource): string {
  switch (source.kind) {
    case 'patient':
      return `Patient: ${source.field}`;
    case 'observation':
      return `Observation LOINC ${source.loinc} (${source.display})`;
    case 'codedObservation':
      return `Observation ${source.system}|${source.code} (${source.display})`;
    case 'reportFact':
      return `Confirmed report fact ${source.fact}, ${source.detail}`;
    case 'therapy':
      return `Medication ATC ${source.atcPrefixes.join(', ')}* (${source.display})`;
    case 'condition':
      return `Condition ICD-10 ${source.icd10Prefixes.join(', ')}* (${source.display})`;
  }
}
