// The case screen's panels as async Server Components: each reads (and audits) its own
// data, so each streams in on its own behind its <Suspense> (see case-panel.tsx).
import type { ReactNode } from 'react';
import { DecisionPanel } from '@/components/decisions/decision-panel';
import { ImportedDecisions } from '@/components/decisions/imported-decisions';
import { ProtocolDownloads } from '@/components/decisions/protocol-downloads';
import { DecisionSupportPanel } from '@/components/decision-support/decision-support-panel';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { listCaseProtocols } from '@/lib/db/protocols/protocol-documents';
import { listImportedDecisions } from '@/lib/db/protocols/imported-decisions';
import { readCaseDecisions } from '@/lib/db/decisions/read-case-decisions';
import { loadCaseLabs } from '@/lib/db/case-screen/load-case-labs';
import { loadCaseReports } from '@/lib/db/case-screen/load-case-reports';
import { loadCaseTimeline } from '@/lib/db/case-screen/load-case-timeline';
import type { CaseImagingDto } from '@/lib/schemas/case-screen';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
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

/**
 * Shown only to actors with `inference.read` (the page decides; listCaseInference checks again).
 * `inference` is started by CaseScreen once and shared with the decision panel (one audited read).
 */
export async function DecisionSupportSection({ caseId, timeZone, inference }: SectionProps & { inference: Promise<CaseInferenceDto> }) {
  return <DecisionSupportPanel caseId={caseId} initialData={await inference} timeZone={timeZone} />;
}

/**
 * The board's decisions on the case (readCaseDecisions: audited, scoped). The model outputs
 * listed for "considered" are the decision-support panel's, when the actor may see them.
 */
export async function DecisionSection({ actor, caseId, timeZone, inference }: SectionProps & { inference: Promise<CaseInferenceDto> | null }) {
  const [decisions, models, letters, imported] = await Promise.all([
    readCaseDecisions({ actor, caseId }),
    inference ? inference.catch(() => null) : null,
    can(actor, 'decisions.export') ? listCaseProtocols({ actor, caseId }) : null,
    listImportedDecisions({ actor, caseId }),
  ]);
  // Each decision that has a signed version gets its letters (generated for its meeting) and the
  // FHIR export; while it is being amended they still hold the newest signed version.
  const extras: Record<string, ReactNode> = {};
  if (letters) {
    for (const d of decisions.decisions) {
      if (d.versions.length === 0) continue;
      extras[d.id] = <ProtocolDownloads signedDecisionId={d.id} documents={letters.filter((l) => l.meetingId === (d.meeting?.id ?? null))} timeZone={timeZone} />;
    }
  }
  return (
    <DecisionPanel caseId={caseId} initialData={decisions} inference={models} timeZone={timeZone} decisionExtras={extras}>
      <ImportedDecisions decisions={imported} timeZone={timeZone} />
    </DecisionPanel>
  );
}
