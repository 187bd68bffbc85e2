// A board decision imported from another system (lib/fhir/map-care-plan.ts), as it leaves the server.
import type { DecisionContent } from './decision';

export interface ImportedDecisionDto {
  id: string;
  title: string;
  /** Where it came from: the sender's identifier system (Konsil's own export: "Konsil export"). */
  source: string;
  signedBy: string | null;
  signedAt: string | null;
  content: DecisionContent;
}
