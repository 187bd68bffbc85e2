// The case screen's panels as async Server Components: each reads (and audits) its own
// data, so each streams in on its own behind its <Suspense> (see case-panel.tsx).
import { DecisionSupportPanel } from '@/components/decision-support/decision-support-panel';
import type { Actor } from '@/lib/authz/actor';
import { listCaseInference } from '@/lib/db/inference-results';
import { loadCaseLabs } from '@/lib/db/case-screen/load-case-labs';
import { loadCaseReports } from '@/lib/db/case-screen/load-case-reports';
import { loadCaseTimeline } from '@/lib/db/case-screen/load-case-timeline';
import type { CaseImagingDto } from '@/lib/schemas/case-screen';
import { CaseTimeline } from './case-timeline';
import { SelectedImagingPanel, SelectedLabsPanel, SelectedReportsPanel } from './selected-panels';

interface SectionProps {
  actor: Actor;
  caseId: string;
  timeZone: string;
}

export async function TimelineSection({ actor, caseId, timeZone }: SectionProps) {
  const items = await loadCaseTimeline({ actor, caseId });
  return <CaseTimeline items={items} timeZone={timeZone} now={new Date().toISOString()} />;
}

/** `imaging` is started by the page alongside the header (see app/(board)/cases/[caseId]/page.tsx). */
export async function ImagingSection({ caseId, timeZone, canAnnotate, imaging }: SectionProps & { canAnnotate: boolean; imaging: Promise<CaseImagingDto> }) {
  return <SelectedImagingPanel caseId={caseId} imaging={await imaging} canAnnotate={canAnnotate} timeZone={timeZone} />;
}

export async function LabsSection({ actor, caseId, timeZone, entity }: SectionProps & { entity: string }) {
  const labs = await loadCaseLabs({ actor, caseId });
  return <SelectedLabsPanel caseId={caseId} labs={labs} entity={entity} timeZone={timeZone} />;
}

export async function ReportsSection({ actor, caseId, timeZone, canAnnotate }: SectionProps & { canAnnotate: boolean }) {
  const reports = await loadCaseReports({ actor, caseId });
  return <SelectedReportsPanel caseId={caseId} reports={reports} timeZone={timeZone} canAnnotate={canAnnotate} />;
}

/** Shown only to actors with `inference.read` (the page decides; listCaseInference checks again). */
export async function DecisionSupportSection({ actor, caseId, timeZone }: SectionProps) {
  const inference = await listCaseInference({ actor, caseId });
  return <DecisionSupportPanel caseId={caseId} initialData={inference} timeZone={timeZone} />;
}
