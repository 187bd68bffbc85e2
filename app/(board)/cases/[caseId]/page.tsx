import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseHeader } from '@/components/case-screen/case-header';
import { CasePanel } from '@/components/case-screen/case-panel';
import { DecisionSupportSection, ImagingSection, LabsSection, ReportsSection, TimelineSection } from '@/components/case-screen/case-panel-sections';
import { guardPage } from '@/lib/authz/guard-page';
import { can } from '@/lib/authz/permissions';
import { loadCaseHeader } from '@/lib/db/case-screen/load-case-header';
import { loadCaseImaging } from '@/lib/db/case-screen/load-case-imaging';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';

// Patient names never go into the <title> (it lands in browser history and tab lists).
export const metadata: Metadata = { title: 'Case' };

/**
 * THE case screen: what the board looks at for three minutes per patient. The header
 * renders first (and records that the actor opened this patient's case); every other
 * panel streams in on its own.
 *
 * The imaging index is read alongside the header, not after it. When it is ready by the
 * time the header is (the usual case: one indexed query), its panel is part of the first
 * HTML instead of a streamed one, which React reveals in batches (≥ 300 ms after the
 * shell), so the viewer starts that much sooner. A slow read still streams behind the
 * panel's own Suspense boundary, and a failed one still lands in the panel's error boundary.
 */
export default async function CaseScreenPage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await guardPage('/cases/[caseId]');
  const { caseId } = await params;
  const imaging = loadCaseImaging({ actor, caseId });
  // Awaited by the imaging panel; out-of-scope cases reject here too (same check), and
  // the header's rejection below is the one that answers 404.
  imaging.catch(() => {});
  const header = await loadCaseHeader({ actor, caseId }).catch((error: unknown) => {
    // Not in the actor's scope looks exactly like not existing: 404, never the data.
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  const canAnnotate = header.can.annotate;
  const section = { actor, caseId: header.caseId, timeZone };

  return (
    <div className="space-y-4">
      <CaseHeader header={header} timeZone={timeZone} />
      <CasePanel id="timeline" title="Timeline">
        <TimelineSection {...section} />
      </CasePanel>
      <div className="grid gap-4 2xl:grid-cols-2">
        <CasePanel id="imaging" title="Imaging">
          <ImagingSection {...section} imaging={imaging} canAnnotate={canAnnotate} />
        </CasePanel>
        <CasePanel id="reports" title="Reports">
          <ReportsSection {...section} canAnnotate={canAnnotate} />
        </CasePanel>
      </div>
      <CasePanel id="labs" title="Laboratory">
        <LabsSection {...section} entity={header.entity} />
      </CasePanel>
      {/* Model results are aids to clinical judgement: clinicians only (inference.read). Others do not get the panel at all. */}
      {can(actor, 'inference.read') && (
        <CasePanel id="decision-support" title="Decision support">
          <DecisionSupportSection {...section} />
        </CasePanel>
      )}
    </div>
  );
}
