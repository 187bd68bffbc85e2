import Link from 'next/link';
import { caseListSearchParams, type CaseListPageDto, type CaseListQuery } from '@/lib/schemas/case';

const linkClass = 'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50';
const offClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500';

/** "1–25 of 312" and previous/next links that keep every filter. */
export function CasePagination({ query, result }: { query: CaseListQuery; result: CaseListPageDto }) {
  const { page, pageCount, pageSize, total, cases } = result;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const href = (p: number) => {
    const params = caseListSearchParams(query, { page: p }).toString();
    return params ? `/cases?${params}` : '/cases';
  };
  const step = (to: number, text: string, rel: 'prev' | 'next', enabled: boolean) =>
    enabled ? (
      // No prefetch: rendering a page of the list audits its patients as seen.
      <Link href={href(to)} rel={rel} prefetch={false} className={linkClass}>{text}</Link>
    ) : (
      <span aria-disabled="true" className={offClass}>{text}</span>
    );
  return (
    <nav aria-label="Case list pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" data-testid="case-range">
        {total === 0 ? 'No cases' : `${first}–${first + cases.length - 1} of ${total}`}
        {pageCount > 1 && <span className="text-slate-600"> · page {page} of {pageCount}</span>}
      </p>
      <div className="flex gap-2">
        {step(page - 1, '← Previous', 'prev', page > 1)}
        {step(page + 1, 'Next →', 'next', page < pageCount)}
      </div>
    </nav>
  );
}
