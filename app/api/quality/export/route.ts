import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { exportQualityCsv } from '@/lib/db/quality/read-quality-report';
import { getEnv } from '@/lib/env';
import { errorResponse } from '@/lib/http/error-response';
import { qualityQuerySchema } from '@/lib/schemas/quality';

export const dynamic = 'force-dynamic';

/**
 * The quality dashboard's figures as CSV, same filters as the page (?board=&from=&to=; bad
 * values dropped). A file download, so a route handler; every download is audited (quality.export).
 */
export const GET = withRouteAccess('/api/quality/export', async (request, { actor }: { actor: Actor | null }) => {
  try {
    const params = new URL(request.url).searchParams;
    const query = qualityQuerySchema.parse({ board: params.get('board') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined });
    const { csv, from, to } = await exportQualityCsv({ actor: actor!, query, timeZone: getEnv().KONSIL_TIME_ZONE });
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        // Our own ASCII name (dates only), never user text.
        'Content-Disposition': `attachment; filename="konsil-quality-${from}-${to}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
