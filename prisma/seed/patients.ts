import type { Tx } from '@/lib/db/client';
import type { CaseStatus, Sex, TumorEntity, Urgency } from '@/lib/generated/prisma/enums';

export interface SeedPatientInput {
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  pseudonym: string;
  isSynthetic?: boolean;
}

/** Patients made by seeds are synthetic unless a test says otherwise. */
export async function seedPatient(tx: Tx, input: SeedPatientInput) {
  const { mrn, birthDate, ...rest } = input;
  const data = { ...rest, birthDate: new Date(`${birthDate}T00:00:00Z`), isSynthetic: input.isSynthetic ?? true };
  return tx.patient.upsert({ where: { mrn }, create: { mrn, ...data }, update: data });
}

export interface SeedCaseInput {
  patientId: string;
  boardId: string;
  referringUserId: string;
  question: string;
  entity: TumorEntity;
  icd10Code?: string;
  icd10Display?: string;
  icdO3Morphology?: string;
  icdO3Topography?: string;
  urgency?: Urgency;
  status?: CaseStatus;
}

/** One open case per (patient, board, question): re-seeding finds it again. */
export async function seedCase(tx: Tx, input: SeedCaseInput) {
  const existing = await tx.case.findFirst({
    where: { patientId: input.patientId, boardId: input.boardId, question: input.question },
  });
  return existing ?? tx.case.create({ data: input });
}

export async function seedAgendaItem(tx: Tx, input: { meetingId: string; caseId: string; position: number; minutesAllotted: number }) {
  return tx.agendaItem.upsert({
    where: { meetingId_caseId: { meetingId: input.meetingId, caseId: input.caseId } },
    create: input,
    update: { position: input.position },
  });
}
