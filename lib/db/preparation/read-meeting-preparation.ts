import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { coordinatedMeetingScope, meetingScope } from '@/lib/authz/scopes';
import { notFound } from '@/lib/errors';
import { ageInYears } from '@/lib/format/date';
import type { TumorEntity } from '@/lib/generated/prisma/enums';
import { computeCompleteness, type CompletenessInput } from '@/lib/preparation/completeness';
import { ALL_REQUIRED_LOINC } from '@/lib/preparation/lab-requirements';
import { diffPublishedAgenda } from '@/lib/preparation/publication-diff';
import type { MeetingPreparationDto, PreparedCaseDto } from '@/lib/schemas/meeting-preparation';
import { parsePublishedAgenda } from '@/lib/schemas/published-agenda';
import type { Tx } from '../client';
import { newestFactPerKind, summarizeStaging, type StagingObservation } from '../case-screen/staging-summary';

// Everything the meeting overview (and the handout) shows, for all cases of a meeting in a
// fixed number of statements, whatever the agenda's length (no query per case):
//   meeting · agenda items with case, patient, referrer, presenter · newest imaging study per
//   patient · newest radiology/pathology report per patient · staging + ECOG observations ·
//   confirmed TNM/stage/ECOG facts · newest required labs per patient and code · ACTIVE
//   models for the entities · newest result per case and model · review marks · handout ·
//   cases removed since publication.
// No audit here: the callers audit what they do with it in the same transaction.

export interface ReadOptions {
  actor: Actor;
  meetingId: string;
  now: Date;
  /** Only this agenda item (a reminder about one case); no comparison with the snapshot then. */
  itemId?: string;
  /** For a change (publish, remind): only meetings of boards the actor coordinates. */
  forChange?: boolean;
}

type Specialty = 'RADIOLOGY' | 'PATHOLOGY';

export interface MeetingPreparationRead extends MeetingPreparationDto {
  /** Case id → patient id of every case shown (items and removed), for the audit events. */
  patientIds: Map<string, string>;
  memberIds: string[];
}

export async function readMeetingPreparation(tx: Tx, options: ReadOptions): Promise<MeetingPreparationRead> {
  const { actor, meetingId, now } = options;
  const meeting = await tx.meeting.findFirst({
    where: { AND: [{ id: meetingId }, options.forChange ? coordinatedMeetingScope(actor) : meetingScope(actor)] },
    include: { board: { select: { id: true, name: true, timeZone: true, members: { select: { userId: true } } } } },
  });
  if (!meeting) throw notFound('The meeting');

  const items = await tx.agendaItem.findMany({
    where: { meetingId: meeting.id, ...(options.itemId ? { id: options.itemId } : {}) },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    include: {
      presenter: { select: { id: true, name: true } },
      case: {
        select: {
          id: true,
          entity: true,
          question: true,
          patientId: true,
          referringUser: { select: { id: true, name: true } },
          patient: { select: { familyName: true, givenName: true, mrn: true, pseudonym: true, birthDate: true, sex: true, isSynthetic: true } },
        },
      },
    },
  });
  const caseIds = items.map((i) => i.caseId);
  const patientIds = [...new Set(items.map((i) => i.case.patientId))];
  const entities = [...new Set(items.map((i) => i.case.entity))];

  const [imaging, reports, staging, facts, labs, models, marks, handout] = await Promise.all([
    tx.$queryRaw<{ patientId: string; studyDate: Date; description: string | null; modalities: string[] }[]>`
      SELECT DISTINCT ON ("patientId") "patientId", "studyDate", description, modalities
      FROM imaging_studies WHERE "patientId" = ANY(${patientIds}::text[]) AND "studyDate" IS NOT NULL
      ORDER BY "patientId", "studyDate" DESC`,
    tx.$queryRaw<{ patientId: string; type: 'RADIOLOGY' | 'PATHOLOGY'; title: string; issuedAt: Date }[]>`
      SELECT DISTINCT ON ("patientId", type) "patientId", type::text AS type, title, "issuedAt"
      FROM reports WHERE "patientId" = ANY(${patientIds}::text[]) AND type::text IN ('RADIOLOGY', 'PATHOLOGY')
      ORDER BY "patientId", type, "issuedAt" DESC`,
    tx.$queryRaw<(StagingObservation & { patientId: string })[]>`
      SELECT "patientId", "loincCode", code, "valueCode", "valueText", "valueNumeric", "effectiveAt"
      FROM observations WHERE "patientId" = ANY(${patientIds}::text[]) AND category::text IN ('STAGING', 'PERFORMANCE_STATUS')`,
    tx.$queryRaw<{ caseId: string; kind: string; value: string; reportId: string; reportTitle: string; reportIssuedAt: Date; confirmedBy: string }[]>`
      SELECT r."caseId", r.kind, r.value, r."reportId", rep.title AS "reportTitle", rep."issuedAt" AS "reportIssuedAt", u.name AS "confirmedBy"
      FROM report_fact_reviews r JOIN reports rep ON rep.id = r."reportId" JOIN users u ON u.id = r."reviewedById"
      WHERE r."caseId" = ANY(${caseIds}::text[]) AND r.status::text = 'CONFIRMED' AND r.kind IN ('TNM', 'STAGE_GROUP', 'ECOG')`,
    tx.$queryRaw<{ patientId: string; loincCode: string; effectiveAt: Date }[]>`
      SELECT DISTINCT ON ("patientId", "loincCode") "patientId", "loincCode", "effectiveAt"
      FROM observations WHERE "patientId" = ANY(${patientIds}::text[]) AND "loincCode" = ANY(${[...ALL_REQUIRED_LOINC]}::text[])
      ORDER BY "patientId", "loincCode", "effectiveAt" DESC`,
    tx.modelVersion.findMany({ where: { status: 'ACTIVE', entities: { hasSome: entities as TumorEntity[] } }, select: { id: true, modelKey: true, name: true, entities: true } }),
    tx.caseReviewMark.findMany({
      where: { caseId: { in: caseIds } },
      select: { caseId: true, specialty: true, createdAt: true, markedBy: { select: { name: true } } },
    }),
    tx.generatedDocument.findFirst({
      where: { meetingId: meeting.id, kind: 'AGENDA_HANDOUT' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, fileName: true, sha256: true, createdAt: true },
    }),
  ]);
  const results = models.length
    ? await tx.$queryRaw<{ caseId: string; modelVersionId: string; status: 'SCORED' | 'SCORED_WITH_FLAGS' | 'NOT_SCORED' | 'FAILED'; createdAt: Date }[]>`
        SELECT DISTINCT ON ("caseId", "modelVersionId") "caseId", "modelVersionId", status::text AS status, "createdAt"
        FROM inference_results WHERE "caseId" = ANY(${caseIds}::text[]) AND "modelVersionId" = ANY(${models.map((m) => m.id)}::text[]) AND NOT shadow
        ORDER BY "caseId", "modelVersionId", "createdAt" DESC`
    : [];

  const published = options.itemId ? null : parsePublishedAgenda(meeting.publishedAgenda);
  const changes = new Map(diffPublishedAgenda(published, items.map((i) => ({ caseId: i.caseId, position: i.position, minutes: i.minutesAllotted, status: i.status }))).map((c) => [c.caseId, c]));
  const removedIds = [...changes.values()].filter((c) => c.kinds.includes('removed')).map((c) => c.caseId);
  const removedCases = removedIds.length
    ? await tx.case.findMany({
        where: { id: { in: removedIds }, boardId: meeting.boardId },
        select: { id: true, patientId: true, patient: { select: { familyName: true, givenName: true, mrn: true, isSynthetic: true } } },
      })
    : [];

  const byPatient = <T extends { patientId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.patientId, [...(map.get(row.patientId) ?? []), row]);
    return map;
  };
  const imagingBy = new Map(imaging.map((r) => [r.patientId, r]));
  const reportsBy = byPatient(reports);
  const stagingBy = byPatient(staging);
  const labsBy = byPatient(labs);

  const prepared: PreparedCaseDto[] = items.map((item) => {
    const kase = item.case;
    const study = imagingBy.get(kase.patientId);
    const patientReports = reportsBy.get(kase.patientId) ?? [];
    const radiology = patientReports.find((r) => r.type === 'RADIOLOGY');
    const pathology = patientReports.find((r) => r.type === 'PATHOLOGY');
    // Newest imaging: an indexed study, or a radiology report when the images live only in the PACS.
    const studyImaging = study ? { at: study.studyDate, label: study.description || `${study.modalities.join('/') || 'Imaging'} study` } : null;
    const reportImaging = radiology ? { at: radiology.issuedAt, label: radiology.title } : null;
    const newestImaging = !studyImaging ? reportImaging : !reportImaging ? studyImaging : studyImaging.at >= reportImaging.at ? studyImaging : reportImaging;
    const summary = summarizeStaging(
      stagingBy.get(kase.patientId) ?? [],
      newestFactPerKind(facts.filter((f) => f.caseId === kase.id)),
    );
    const caseMarks = marks.filter((m) => m.caseId === kase.id && (m.specialty === 'RADIOLOGY' || m.specialty === 'PATHOLOGY'));
    const applicable = models.filter((m) => m.entities.includes(kase.entity));
    const input: CompletenessInput = {
      entity: kase.entity,
      newestImaging,
      newestPathologyReport: pathology ? { at: pathology.issuedAt, title: pathology.title } : null,
      tnm: summary.tnm?.value ?? null,
      stageGroup: summary.stageGroup?.value ?? null,
      newestLabAt: new Map((labsBy.get(kase.patientId) ?? []).map((l) => [l.loincCode, l.effectiveAt])),
      models: applicable.map((m) => {
        const r = results.find((x) => x.caseId === kase.id && x.modelVersionId === m.id);
        return { modelKey: m.modelKey, name: m.name, newestResult: r ? { status: r.status, at: r.createdAt } : null };
      }),
      reviewsDone: new Set(caseMarks.map((m) => m.specialty as Specialty)),
    };
    const birth = kase.patient.birthDate?.toISOString().slice(0, 10) ?? null;
    return {
      itemId: item.id,
      caseId: kase.id,
      position: item.position,
      minutes: item.minutesAllotted,
      status: item.status,
      statusReason: item.statusReason,
      patient: {
        displayName: `${kase.patient.familyName}, ${kase.patient.givenName}`,
        mrn: kase.patient.mrn,
        pseudonym: kase.patient.pseudonym,
        ageYears: birth ? ageInYears(birth, now) : null,
        sex: kase.patient.sex,
        isSynthetic: kase.patient.isSynthetic,
      },
      entity: kase.entity,
      question: kase.question,
      tnm: summary.tnm?.value ?? null,
      stageGroup: summary.stageGroup?.value ?? null,
      ecog: summary.ecog?.value ?? null,
      referrer: kase.referringUser,
      presenter: item.presenter,
      completeness: computeCompleteness(input, now),
      reviews: caseMarks.map((m) => ({ specialty: m.specialty as Specialty, markedBy: m.markedBy.name, markedAt: m.createdAt.toISOString() })),
      change: published ? (changes.get(kase.id) ?? { caseId: kase.id, kinds: [] }) : null,
    };
  });

  return {
    meeting: {
      id: meeting.id,
      boardId: meeting.board.id,
      boardName: meeting.board.name,
      timeZone: meeting.board.timeZone,
      startsAt: meeting.startsAt.toISOString(),
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      status: meeting.status,
      agendaVersion: meeting.agendaVersion,
      agendaPublishedAt: meeting.agendaPublishedAt?.toISOString() ?? null,
      publishedRevision: published?.revision ?? null,
      handout: handout ? { ...handout, createdAt: handout.createdAt.toISOString() } : null,
    },
    items: prepared,
    removed: removedCases.map((c) => ({ caseId: c.id, displayName: `${c.patient.familyName}, ${c.patient.givenName}`, mrn: c.patient.mrn, isSynthetic: c.patient.isSynthetic })),
    patientIds: new Map([...items.map((i) => [i.caseId, i.case.patientId] as const), ...removedCases.map((c) => [c.id, c.patientId] as const)]),
    memberIds: meeting.board.members.map((m) => m.userId),
  };
}
