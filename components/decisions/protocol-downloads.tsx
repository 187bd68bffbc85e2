// The case screen's "Letter and export" block: the letters generated for the case's signed
// decision, a button to generate one for the newest signed version, and the FHIR export link.
// The page loads `documents` with listCaseProtocols (lib/db/protocols/protocol-documents.ts) and
// passes the signed decision's id (null while nothing is signed: no letter, no export).
import type { ProtocolDocumentDto } from '@/lib/schemas/protocol-documents';
import { GenerateCaseProtocolForm } from './generate-protocol-forms';
import { ProtocolDocumentList } from './protocol-document-list';

export function ProtocolDownloads({ signedDecisionId, documents, timeZone }: { signedDecisionId: string | null; documents: ProtocolDocumentDto[]; timeZone: string }) {
  return (
    <section aria-label="Letter and export" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 className="text-base font-semibold text-slate-900">Letter to the referrer</h3>
        {signedDecisionId && (
          <div className="flex flex-wrap items-center gap-3">
            <GenerateCaseProtocolForm decisionId={signedDecisionId} />
            <a href={`/api/decisions/${signedDecisionId}/fhir`} download className="text-sm text-brand-800 underline">
              Export as FHIR (JSON)
            </a>
          </div>
        )}
      </div>
      {!signedDecisionId && <p className="text-sm text-slate-600">A letter can be generated once the decision is signed.</p>}
      <ProtocolDocumentList documents={documents} timeZone={timeZone} empty="No letter generated yet." />
    </section>
  );
}
