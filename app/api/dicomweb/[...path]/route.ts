// DICOMweb (QIDO-RS, WADO-RS, WADO-URI) for Konsil's viewer and other DICOMweb
// clients. withRouteAccess checks the session and `imaging.read`; everything else
// (scope, audit, store or PACS) is in lib/dicomweb/handle-dicomweb.ts.
import type { Actor } from '@/lib/authz/actor';
import { withRouteAccess } from '@/lib/authz/guard-route';
import { handleDicomweb } from '@/lib/dicomweb/handle-dicomweb';

export const dynamic = 'force-dynamic';

/** Next 16 passes the catch-all segments as a promise. */
type Context = { params: Promise<{ path: string[] }> };

export const GET = withRouteAccess('/api/dicomweb/[...path]', async (request, { actor, params }: Context & { actor: Actor | null }) =>
  handleDicomweb(request, { actor: actor!, path: (await params).path }),
);
