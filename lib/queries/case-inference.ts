'use client';
import { useQuery } from '@tanstack/react-query';
import type { CaseInferenceDto } from '@/lib/schemas/inference';
import { queryKeys } from './keys';

/**
 * How often an open case screen picks up model results it did not ask for: the automatic
 * run when the case is prepared for its meeting, a colleague's run or review. Every read is
 * audited (a case.view of the panel), so this is no faster than the annotations' refresh.
 */
const REFRESH_MS = 30_000;

export async function fetchCaseInference(caseId: string): Promise<CaseInferenceDto> {
  const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/inference`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Decision support could not be loaded (${response.status}).`);
  return (await response.json()) as CaseInferenceDto;
}

/**
 * The case's models and their newest results, starting from what the server rendered. After
 * a run, put the action's result in with `setQueryData(queryKeys.caseInference(id), …)`.
 */
export function useCaseInference(caseId: string, initialData: CaseInferenceDto) {
  return useQuery({
    queryKey: queryKeys.caseInference(caseId),
    queryFn: () => fetchCaseInference(caseId),
    initialData,
    // The server-rendered data is fresh: no refetch on mount.
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
  });
}
