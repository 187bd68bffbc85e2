import { QueryClient } from '@tanstack/react-query';

// Server Components load pages; react-query refreshes client panels. A short
// staleTime avoids refetching what the server just rendered.
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true } } });
}
