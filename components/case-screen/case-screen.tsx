// THE case screen's body, shared by the case page and the meeting's live view: the header
// renders first (and records that the actor opened this patient's case); every other panel
// streams in on its own. See app/(board)/cases/[caseId]/page.tsx for why imaging is read
// alongside the header.
import { notFound } from 'next/navigation';
import { CaseHeader } from './case-header';
import { CasePanel } from './case-panel';
import { DecisionSection, DecisionSupportSection, ImagingSection, LabsSection, ReportsSection, TimelineSection } from './case-panel-sections';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/permissions';
import { loadCaseHeader } from '@/lib/db/case-screen/load-case-header';
import { loadCaseImaging } from '@/lib/db/case-screen/load-case-imaging';
import { listCaseInference } from '@/lib/db/inference-results';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';

export async function CaseScreen({ actor, caseId }: { actor: Actor; caseId: string }) {
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
  // Read once for both the decision-support panel and the decision's "model outputs considered".
  const inference = can(actor, 'inference.read') ? listCaseInference({ actor, caseId: header.caseId }) : null;
  inference?.catch(() => {});

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
          <DecisionSupportSection {...section} inference={inference!} />
        </CasePanel>
      )}
      <CasePanel id="decision" title="Board decision">
        <DecisionSection {...section} inference={inference} />
      </CasePanel>
    </div>
  );
}
