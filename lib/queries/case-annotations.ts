'use client';
import { useQuery } from '@tanstack/react-query';
import type { CaseKeyImageDto, CaseMeasurementDto } from '@/lib/schemas/case-annotation';
import { queryKeys } from './keys';

export interface CaseAnnotations {
  measurements: CaseMeasurementDto[];
  keyImages: CaseKeyImageDto[];
}

/** How often an open case screen picks up others' measurements and key images. */
const REFRESH_MS = 30_000;

/**
 * The case's measurements and key images, starting from what the server rendered and
 * refreshed while the screen is open (what a colleague marks during the meeting shows
 * up). After a save, update the cache with `setQueryData(queryKeys.caseAnnotations(id), …)`.
 */
export function useCaseAnnotations(caseId: string, initialData: CaseAnnotations) {
  return useQuery({
    queryKey: queryKeys.caseAnnotations(caseId),
    queryFn: async (): Promise<CaseAnnotations> => {
      const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/annotations`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`Annotations could not be loaded (${response.status}).`);
      return (await response.json()) as CaseAnnotations;
    },
    initialData,
    // The server-rendered data is fresh: no refetch on mount.
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
  });
}
