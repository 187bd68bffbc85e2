import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptReferralSchema, referralCreateSchema, rejectReferralSchema } from './referral';
import { reorderAgendaSchema, setAgendaMinutesSchema } from './agenda';

const id = (n: number) => `c${String(n).padStart(24, '0')}`;
const valid = {
  patientId: id(1),
  boardId: id(2),
  question: 'Adjuvant chemotherapy after resection?',
  entity: 'LUNG',
  icd10Code: 'c34.1',
  icdO3Morphology: '8140/3',
  icdO3Topography: 'C34.1',
  tnm: 'pT2a pN1 cM0',
  ecog: '1',
  urgency: 'ROUTINE',
  imagingStudyIds: id(3),
  reportIds: [id(4), id(5)],
};
const errorsOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
};

describe('the referral form schema', () => {
  it('accepts a complete referral, normalising codes and checkbox groups', () => {
    const parsed = referralCreateSchema.parse(valid);
    expect(parsed).toMatchObject({ icd10Code: 'C34.1', imagingStudyIds: [id(3)], reportIds: [id(4), id(5)], observationIds: [] });
    expect(parsed.stageGroup).toBeUndefined();
  });
  it('requires the question, the board, the entity and the urgency with clear messages', () => {
    const errors = errorsOf(referralCreateSchema, { ...valid, question: '  ', boardId: '', entity: undefined, urgency: 'SOON' });
    expect(errors.question).toEqual(['Write the question to the board (at least 10 characters)']);
    expect(errors.boardId).toEqual(['Choose the board']);
    expect(errors.entity).toEqual(['Choose the tumor entity']);
    expect(errors.urgency).toEqual(['Choose the urgency']);
  });
  it('says what a malformed code looks like', () => {
    const errors = errorsOf(referralCreateSchema, { ...valid, icd10Code: 'lung', icdO3Morphology: '81403', icdO3Topography: 'X1', ecog: '7' });
    expect(errors.icd10Code).toEqual(['An ICD-10 code looks like C34.1']);
    expect(errors.icdO3Morphology).toEqual(['An ICD-O-3 morphology code looks like 8140/3']);
    expect(errors.icdO3Topography).toEqual(['An ICD-O-3 topography code looks like C34.1']);
    expect(errors.ecog).toEqual(['ECOG is a grade from 0 to 4']);
  });
  it('refuses material that is not an id', () => {
    expect(errorsOf(referralCreateSchema, { ...valid, reportIds: ['../etc/passwd'] }).reportIds).toBeDefined();
  });
});

describe('the triage and agenda schemas', () => {
  it('reads an empty meeting as "the rule’s meeting"', () => {
    expect(acceptReferralSchema.parse({ caseId: id(1), version: '0', meetingId: '' })).toEqual({ caseId: id(1), version: 0, meetingId: undefined });
  });
  it('requires a reason to reject', () => {
    expect(errorsOf(rejectReferralSchema, { caseId: id(1), version: 0, reason: ' ' }).reason).toEqual(['Give the reason (at least 3 characters)']);
  });
  it('bounds the minutes and requires the order', () => {
    expect(errorsOf(setAgendaMinutesSchema, { meetingId: id(1), agendaVersion: 0, itemId: id(2), minutes: '0' }).minutes).toEqual(['At least 1 minute']);
    expect(errorsOf(setAgendaMinutesSchema, { meetingId: id(1), agendaVersion: 0, itemId: id(2), minutes: '2.5' }).minutes).toEqual(['Minutes must be a whole number']);
    expect(errorsOf(reorderAgendaSchema, { meetingId: id(1), agendaVersion: 0, itemIds: [] }).itemIds).toEqual(['The agenda is empty']);
  });
});
