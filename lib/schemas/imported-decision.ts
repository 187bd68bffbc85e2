// A board decision imported from another system (lib/fhir/map-care-plan.ts), as it leaves the server.
import type { DecisionContent } from './decision';

export interface ImportedDecisionDto {
  id: string;
  title: string;
  /** Where it came from: the sender's identifier system (a Konsil CarePlan identifier: "a Konsil export" — what the sender claims, not proof). */
  source: string;
  /** A later imported version of the same exported decision (Konsil's `<id>/v<n>` identifiers); null when this is the newest. */
  supersededByVersion: number | null;
  signedBy: string | null;
  signedAt: string | null;
  content: DecisionContent;
}
