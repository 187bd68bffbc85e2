import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { isTumorMarkerFor } from '@/lib/clinical/lab-panels';
import type { TimelineItemDto } from '@/lib/schemas/case-screen';
import { db, type Tx } from '../client';
import { findCaseInScope } from '../case-scope-lookup';
import { auditCaseView } from './audit-case-view';

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
    const items = await readCaseTimeline(tx, scoped.id);
    await auditCaseView(tx, actor, scoped, 'timeline', items.length);
    return items;
  });
}

export async function readCaseTimeline(tx: Tx, caseId: string): Promise<TimelineItemDto[]> {
  const { patientId, entity } = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { patientId: true, entity: true } });
  const conditions = await tx.condition.findMany({ where: { patientId, onsetDate: { not: null }, kind: { not: 'COMORBIDITY' } }, select: { id: true, kind: true, icd10Code: true, display: true, onsetDate: true } });
  const procedures = await tx.procedure.findMany({ where: { patientId }, select: { id: true, category: true, display: true, performedStart: true, performedEnd: true, status: true } });
  const medications = await tx.medication.findMany({ where: { patientId, startDate: { not: null } }, select: { id: true, display: true, regimen: true, startDate: true, endDate: true, status: true } });
  const reports = await tx.report.findMany({ where: { patientId, status: { not: 'entered-in-error' } }, select: { id: true, type: true, title: true, issuedAt: true, authorName: true } });
  const studies = await tx.imagingStudy.findMany({ where: { patientId, studyDate: { not: null } }, select: { studyInstanceUid: true, studyDate: true, description: true, modalities: true } });
  const flaggedLabs = await tx.observation.findMany({
    where: { patientId, category: 'LABORATORY', interpretation: { in: ['H', 'HH', 'L', 'LL'] } },
    select: { id: true, loincCode: true, display: true, valueNumeric: true, unit: true, interpretation: true, effectiveAt: true },
  });

  const items: TimelineItemDto[] = [
    ...conditions.map((c) => ({
      id: `condition:${c.id}`,
      kind: 'diagnosis' as const,
      date: c.onsetDate!.toISOString(),
      endDate: null,
      title: c.kind === 'SECONDARY_CANCER' ? `Metastasis: ${c.display}` : `Diagnosis: ${c.display}`,
      detail: c.icd10Code,
      target: { panel: 'none' as const },
    })),
    ...procedures.map((p) => ({
      id: `procedure:${p.id}`,
      kind: p.category === 'RADIOTHERAPY' ? ('radiotherapy' as const) : ('procedure' as const),
      date: p.performedStart.toISOString(),
      endDate: p.performedEnd?.toISOString() ?? null,
      title: p.display,
      detail: p.status === 'completed' ? null : p.status,
      target: { panel: 'none' as const },
    })),
    ...medications.map((m) => ({
      id: `medication:${m.id}`,
      kind: 'systemic-therapy' as const,
      date: m.startDate!.toISOString(),
      endDate: m.endDate?.toISOString() ?? null,
      title: m.regimen ? `${m.regimen} (${m.display})` : m.display,
      detail: m.status,
      target: { panel: 'none' as const },
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
    ...studies.map((s) => ({
      id: `study:${s.studyInstanceUid}`,
      kind: 'imaging' as const,
      date: s.studyDate!.toISOString(),
      endDate: null,
      title: s.description ?? `${s.modalities.join('/')} study`,
      detail: s.modalities.join(', ') || null,
      target: { panel: 'imaging' as const, studyInstanceUid: s.studyInstanceUid },
    })),
    ...flaggedLabs
      .filter((o) => isTumorMarkerFor(o.loincCode, entity) || o.interpretation === 'HH' || o.interpretation === 'LL')
      .map((o) => ({
        id: `lab:${o.id}`,
        kind: 'lab' as const,
        date: o.effectiveAt.toISOString(),
        endDate: null,
        title: `${o.display.split(' [')[0]} ${o.valueNumeric ?? ''}${o.unit ? ` ${o.unit}` : ''} (${o.interpretation})`,
        detail: null,
        target: o.loincCode ? { panel: 'labs' as const, loincCode: o.loincCode } : { panel: 'none' as const },
      })),
  ];
  return items.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
