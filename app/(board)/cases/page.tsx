import { CaseFilters } from '@/components/cases/case-filters';
import { CasePagination } from '@/components/cases/case-pagination';
import { CaseTable } from '@/components/cases/case-table';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import type { Actor } from '@/lib/authz/actor';
import { guardPage } from '@/lib/authz/guard-page';
import { listScopedBoards } from '@/lib/db/boards';
import { searchCases } from '@/lib/db/cases';
import { getEnv } from '@/lib/env';
import { caseListQuerySchema, caseListSearchParams, ignoredCaseListParams, type CaseListQuery } from '@/lib/schemas/case';

export const metadata = { title: 'Cases' };

// The list is the page, so it is not streamed behind <Suspense>: a streamed boundary
// needs JavaScript to swap in, and the list must work without it.
export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/cases');
  const raw = await searchParams;
  const parsed = caseListQuerySchema.parse(raw);
  const ignored = ignoredCaseListParams(raw);
  const boards = await listScopedBoards({ actor });
  // A board id that is not one of the actor's would only ever show nothing: say so and drop it.
  const query = parsed.board && !boards.some((b) => b.id === parsed.board) ? { ...parsed, board: undefined } : parsed;
  if (query.board !== parsed.board) ignored.push('the board (not one of your boards)');
  return (
    <>
      <PageHeader title="Cases" description="Cases you referred and cases of the boards you belong to: coming up at a meeting first, then by last change." />
      <Card>
        <CaseFilters key={caseListSearchParams(query).toString()} query={query} boards={boards} />
        {ignored.length > 0 && (
          <Alert tone="warning" className="mb-4">
            Part of the address could not be used and was ignored: {ignored.join('; ')}.
          </Alert>
        )}
        <CaseResults actor={actor} query={query} />
      </Card>
    </>
  );
}

async function CaseResults({ actor, query }: { actor: Actor; query: CaseListQuery }) {
  const timeZone = getEnv().KONSIL_TIME_ZONE;
  const result = await searchCases({ actor, query, timeZone });
  const filtered = filterKey(query) !== '';
  return (
    <>
      {result.page !== query.page && (
        <Alert tone="info" className="mb-4">There is no page {query.page}; this is the last page.</Alert>
      )}
      <CaseTable
        cases={result.cases}
        timeZone={timeZone}
        caption={`Cases ${filtered ? 'matching the search and filters' : 'you may see'}, coming up first; page ${result.page} of ${result.pageCount}`}
        empty={filtered ? 'No cases match the search and filters.' : 'No cases to show.'}
      />
      <CasePagination query={query} result={result} />
    </>
  );
}

/** The filters without the page: empty when the list is unfiltered. */
function filterKey(query: CaseListQuery): string {
  return caseListSearchParams(query, { page: 1 }).toString();
}
