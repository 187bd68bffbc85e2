// A list of generated protocols: file name, when and by whom, the sha256 (short; full on hover),
// and a download link (a plain link: each download is an audited read, so never prefetched).
import { formatDateTime } from '@/lib/format/date';
import type { ProtocolDocumentDto } from '@/lib/schemas/protocol-documents';

export function ProtocolDocumentList({ documents, timeZone, empty }: { documents: ProtocolDocumentDto[]; timeZone: string; empty: string }) {
  if (documents.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="protocol-documents">
      {documents.map((d) => (
        <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            <a href={`/api/documents/${d.id}`} download className="font-medium text-brand-800 underline">
              {d.fileName}
            </a>
            {d.decisionVersion !== null && <span className="ml-2 text-slate-600">version {d.decisionVersion}</span>}
          </span>
          <span className="text-slate-600">
            {formatDateTime(d.createdAt, timeZone)}
            {d.createdBy ? ` · ${d.createdBy}` : ''} ·{' '}
            <code title={d.sha256} className="text-xs">
              sha256 {d.sha256.slice(0, 12)}
            </code>
          </span>
        </li>
      ))}
    </ul>
  );
}
