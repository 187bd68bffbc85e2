import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { isTumorMarkerFor } from '@/lib/clinical/lab-panels';
import type { TimelineItemDto } from '@/lib/schemas/case-screen';
import { db } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';
import { fetchConditions, fetchObservations, fetchReports, fetchTherapies, type ConditionRow, type ObservationRow, type ReportRow, type TherapyRows } from './case-rows';
import { fetchStudies, type StudyRow } from './load-case-imaging';

const REPORT_TYPE_LABEL: Record<string, string> = {
  RADIOLOGY: 'Radiology', PATHOLOGY: 'Pathology', MOLECULAR: 'Molecular pathology', CLINICAL_NOTE: 'Clinical note', SURGICAL: 'Operative report', OTHER: 'Report',
};

/**
 * Everything that happened to the patient on one time axis, newest first: diagnoses,
 * procedures, systemic therapies and radiotherapy, reports, imaging studies, and the
 * key lab events (the entity's tumor markers out of range, and critical values). Audited.
 */
export async function loadCaseTimeline(options: { actor: Actor; caseId: string }): Promise<TimelineItemDto[]> {
  const { actor, caseId } = options;
  assertCan(actor, 'cases.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const items = buildCaseTimeline({
      entity: scoped.entity,
      conditions: await fetchConditions(tx, scoped.patientId),
      therapies: await fetchTherapies(tx, scoped.patientId),
      reports: await fetchReports(tx, scoped.patientId),
      studies: await fetchStudies(tx, scoped.patientId),
      observations: await fetchObservations(tx, scoped.patientId, ['LABORATORY']),
    });
    await auditCaseView(tx, actor, scoped, 'timeline', items.length);
    return items;
  });
}

interface TimelineRows {
  entity: string;
  conditions: ConditionRow[];
  therapies: TherapyRows;
  reports: ReportRow[];
  studies: Pick<StudyRow, 'studyInstanceUid' | 'studyDate' | 'description' | 'modalities'>[];
  observations: ObservationRow[];
}

const none = { panel: 'none' as const };

/** Pure: the timeline items from the patient's rows, newest first. */
export function buildCaseTimeline({ entity, conditions, therapies, reports, studies, observations }: TimelineRows): TimelineItemDto[] {
  const items: TimelineItemDto[] = [
    ...conditions
      .filter((c) => c.onsetDate && c.kind !== 'COMORBIDITY')
      .map((c) => ({
        id: `condition:${c.id}`,
        kind: 'diagnosis' as const,
        date: c.onsetDate!.toISOString(),
        endDate: null,
        title: c.kind === 'SECONDARY_CANCER' ? `Metastasis: ${c.display}` : `Diagnosis: ${c.display}`,
        detail: c.icd10Code,
        target: none,
      })),
    ...therapies.procedures.map((p) => ({
      id: `procedure:${p.id}`,
      kind: p.category === 'RADIOTHERAPY' ? ('radiotherapy' as const) : ('procedure' as const),
      date: p.performedStart.toISOString(),
      endDate: p.performedEnd?.toISOString() ?? null,
      title: p.display,
      detail: p.status === 'completed' ? null : p.status,
      target: none,
    })),
    ...therapies.medications
      .filter((m) => m.startDate)
      .map((m) => ({
        id: `medication:${m.id}`,
        kind: 'systemic-therapy' as const,
        date: m.startDate!.toISOString(),
        endDate: m.endDate?.toISOString() ?? null,
        title: m.regimen ? `${m.regimen} (${m.display})` : m.display,
        detail: m.status,
        target: none,
      })),
    ...reports.map((r) => ({
      id: `report:${r.id}`,
      kind: 'report' as const,
      date: r.issuedAt.toISOString(),
      endDate: null,
      title: r.title,
      detail: [REPORT_TYPE_LABEL[r.type], r.authorName].filter(Boolean).join(' · ') || null,
      target: { panel: 'reports' as const, reportId: r.id },
    })),
    ...studies
      .filter((s) => s.studyDate)
      .map((s) => ({
        id: `study:${s.studyInstanceUid}`,
        kind: 'imaging' as const,
        date: s.studyDate!.toISOString(),
        endDate: null,
        title: s.description ?? `${s.modalities.join('/')} study`,
        detail: s.modalities.join(', ') || null,
        target: { panel: 'imaging' as const, studyInstanceUid: s.studyInstanceUid },
      })),
    ...observations
      .filter((o) => o.category === 'LABORATORY' && o.interpretation && ['H', 'HH', 'L', 'LL'].includes(o.interpretation))
      .filter((o) => isTumorMarkerFor(o.loincCode, entity) || o.interpretation === 'HH' || o.interpretation === 'LL')
      .map((o) => ({
        id: `lab:${o.id}`,
        kind: 'lab' as const,
        date: o.effectiveAt.toISOString(),
        endDate: null,
        title: `${o.display.split(' [')[0]} ${o.valueNumeric ?? ''}${o.unit ? ` ${o.unit}` : ''} (${o.interpretation})`,
        detail: null,
        target: o.loincCode ? { panel: 'labs' as const, loincCode: o.loincCode } : none,
      })),
  ];
  return items.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
