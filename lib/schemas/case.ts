export const caseStatusLabels = {
  DRAFT: 'Draft',
  REFERRED: 'Referred',
  NEEDS_INFORMATION: 'Needs information',
  ACCEPTED: 'Accepted',
  SCHEDULED: 'Scheduled',
  DISCUSSED: 'Discussed',
  DECIDED: 'Decided',
  CLOSED: 'Closed',
  POSTPONED: 'Postponed',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
} as const;
export type CaseStatus = keyof typeof caseStatusLabels;

/** A case as lists show it. */
export interface CaseListItemDto {
  id: string;
  patient: { id: string; displayName: string; mrn: string; birthDate: string | null; sex: string; isSynthetic: boolean };
  board: { id: string; name: string };
  question: string;
  entity: string;
  icd10Code: string | null;
  status: CaseStatus;
  urgency: 'ROUTINE' | 'URGENT';
  nextMeetingAt: string | null;
  updatedAt: string;
}
