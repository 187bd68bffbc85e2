// What leaves the server about a case's decisions (lib/db/decisions/read-case-decisions.ts
// builds it). Dates are ISO strings in UTC; the UI formats them in the board's time zone.
import type { DecisionContent } from './decision';

export interface PersonDto {
  id: string;
  name: string;
  specialty: string | null;
  /** Konsil roles (CLINICIAN, COORDINATOR …): only clinicians may own a follow-up. */
  roles: string[];
}

export interface ConsideredResultDto {
  resultId: string;
  modelName: string;
  modelVersion: string;
  modelFileSha256: string;
  /** The clinician mark copied at signing; null = nobody had marked the output. */
  mark: 'CONSIDERED' | 'DISAGREE' | null;
  reason: string | null;
}

export interface DecisionVersionDto {
  number: number;
  content: DecisionContent;
  amendmentReason: string | null;
  signedBy: PersonDto;
  signedAt: string;
  contentSha256: string;
  consideredResults: ConsideredResultDto[];
}

export interface FollowUpSummaryDto {
  id: string;
  status: 'OPEN' | 'IMPLEMENTED' | 'MODIFIED' | 'NOT_IMPLEMENTED';
  owner: PersonDto;
  dueOn: string;
  reason: string | null;
  note: string | null;
  completedAt: string | null;
  version: number;
}

export interface DecisionDto {
  id: string;
  caseId: string;
  meeting: { id: string; startsAt: string; status: string; boardName: string; timeZone: string } | null;
  status: 'DRAFT' | 'SIGNED' | 'AMENDING';
  /** The editable content (for SIGNED: equal to versions[0].content). */
  draft: DecisionContent;
  /** Send back as expectedVersion. */
  version: number;
  lastEditedBy: PersonDto | null;
  updatedAt: string;
  /** Signed versions, newest first. */
  versions: DecisionVersionDto[];
  followUp: FollowUpSummaryDto | null;
}

export interface CaseDecisionsDto {
  caseId: string;
  decisions: DecisionDto[];
  /** Meetings with this case on the agenda (not postponed, not cancelled) that have no decision yet. */
  openMeetings: { id: string; startsAt: string; status: string; boardName: string; timeZone: string; attendeeIds: string[] }[];
  /** The board's members and the referrer: who may be named as attendee, dissenter or follow-up owner. */
  people: PersonDto[];
  referringUser: PersonDto;
  canEdit: boolean;
  /** The actor chairs the case's board (the server checks again on signing). */
  canSign: boolean;
}
