// What the FHIR export of one signed decision is built from: plain values loaded by
// lib/db/decisions/load-decision-export.ts (the same load the protocol PDF uses), so every
// mapper here is a pure function that tests can feed directly.
import type { DecisionContent } from '@/lib/schemas/decision';

export interface ExportPerson {
  id: string;
  name: string;
  title: string | null;
  specialty: string | null;
}

export interface ExportConsideredResult {
  resultId: string;
  modelKey: string;
  modelName: string;
  semver: string;
  modelFileSha256: string;
  inputHash: string;
  /** One line: what the model said (lib/protocols/result-summary.ts). */
  summary: string;
  mark: 'CONSIDERED' | 'DISAGREE' | null;
  reason: string | null;
}

export interface ExportVersionHistoryEntry {
  number: number;
  signedAt: string;
  signedBy: ExportPerson;
  amendmentReason: string | null;
  contentSha256: string;
}

export interface DecisionExportData {
  decision: { id: string; status: 'DRAFT' | 'SIGNED' | 'AMENDING' };
  /** The version exported (the newest signed one). */
  version: { id: string; number: number; content: DecisionContent; signedAt: string; signedBy: ExportPerson; amendmentReason: string | null; contentSha256: string };
  /** Every signed version, oldest first (the amendment history; includes `version`). */
  history: ExportVersionHistoryEntry[];
  patient: {
    id: string;
    mrn: string;
    mrnSystem: string | null;
    familyName: string;
    givenName: string;
    /** YYYY-MM-DD */
    birthDate: string | null;
    sex: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
    isSynthetic: boolean;
  };
  case: {
    id: string;
    question: string;
    entity: string;
    icd10Code: string | null;
    icd10Display: string | null;
    referredAt: string | null;
    referrer: ExportPerson;
  };
  board: { id: string; name: string; timeZone: string };
  meeting: { id: string; startsAt: string; durationMinutes: number; status: string; location: string | null } | null;
  /** Who was present for the case (the content's attendeeIds, resolved). */
  attendees: ExportPerson[];
  considered: ExportConsideredResult[];
  followUp: { owner: ExportPerson; dueOn: string; status: string } | null;
}
