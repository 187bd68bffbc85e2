import type { Modality } from '@/lib/schemas/decision';
import { CODE_SYSTEMS } from '@/lib/schemas/decision';

/** One pickable concept: its code, the text people read, and the recommendation kinds it fits. */
export interface ValueSetEntry {
  system: (typeof CODE_SYSTEMS)[keyof typeof CODE_SYSTEMS];
  code: string;
  display: string;
  modalities: readonly Modality[];
}
