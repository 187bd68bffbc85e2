import { withRouteAccess } from '@/lib/authz/guard-route';
import { checkDatabaseHealth } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

/** For load balancers and the start script: 200 when the database answers. Reveals nothing else. */
export const GET = withRouteAccess('/api/health', async () => {
  const database = await checkDatabaseHealth();
  return Response.json({ status: database ? 'ok' : 'degraded', database: database ? 'ok' : 'unreachable' }, { status: database ? 200 : 503 });
});
