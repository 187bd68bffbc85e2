// What the follow-up pages receive: one task with the case's pseudonym (never the patient's name),
// the board, the due date and what was recommended. The input of completing one is
// completeFollowUpSchema in lib/schemas/decision.ts (one decision noun, one schema file).
import type { FollowUpOutcome, FollowUpReasonCode } from './decision';

export type FollowUpStatusCode = 'OPEN' | FollowUpOutcome;

export interface FollowUpTaskDto {
  id: string;
  /** The row version the completion form sends back. */
  version: number;
  caseId: string;
  pseudonym: string;
  boardName: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** Days past the due date in the board's time zone; 0 when not overdue or completed. */
  daysOverdue: number;
  status: FollowUpStatusCode;
  reason: FollowUpReasonCode | null;
  note: string | null;
  completedAt: string | null;
  owner: { id: string; name: string };
  /** The newest signed version's recommendation, in one line (lib/follow-ups/recommendation-summary.ts). */
  recommendation: string;
  signedAt: string | null;
}

export const followUpReasonLabels: Record<FollowUpReasonCode, string> = {
  PATIENT_WISH: 'Patient’s wish',
  COMORBIDITY_PERFORMANCE_STATUS: 'Comorbidity / performance status',
  PROGRESSION: 'Progression',
  LOGISTICS: 'Logistics',
  NEW_FINDINGS: 'New findings',
  OTHER: 'Other (see note)',
};

export const followUpStatusLabels: Record<FollowUpStatusCode, string> = {
  OPEN: 'Open',
  IMPLEMENTED: 'Implemented',
  MODIFIED: 'Modified',
  NOT_IMPLEMENTED: 'Not implemented',
};
