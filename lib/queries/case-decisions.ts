'use client';
import { useQuery } from '@tanstack/react-query';
import type { CaseDecisionsDto } from '@/lib/schemas/decision-dto';
import { queryKeys } from './keys';

/**
 * How often an open case screen picks up a colleague's draft, a signature or an amendment.
 * Each read with decisions is audited (decision.read), so this is no faster than the other
 * panels' refresh; the editor refetches at once after a conflicting save.
 */
const REFRESH_MS = 30_000;

export async function fetchCaseDecisions(caseId: string): Promise<CaseDecisionsDto> {
  const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/decisions`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The decisions could not be loaded (${response.status}).`);
  return (await response.json()) as CaseDecisionsDto;
}

/** The case's decisions, starting from what the server rendered (readCaseDecisions). */
export function useCaseDecisions(caseId: string, initialData: CaseDecisionsDto) {
  return useQuery({
    queryKey: queryKeys.caseDecisions(caseId),
    queryFn: () => fetchCaseDecisions(caseId),
    initialData,
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
  });
}
