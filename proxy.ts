import { NextResponse, type NextRequest } from 'next/server';

// UX only: sends visitors without a session cookie to the sign-in page before
// any page work happens. The real checks are guardPage()/withRouteAccess()/
// createAction() on the server, which also catch expired or revoked sessions.
const publicPrefixes = ['/signin', '/api/auth', '/api/health', '/_next', '/favicon.ico'];
const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ code: 'UNAUTHENTICATED', message: 'Sign in first.' }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

// The upload endpoints (imports, FHIR, model files) are left out: when the proxy runs, Next buffers the request
// body for it (and cuts it at 10 MB), so large DICOM and FHIR uploads would arrive
// truncated. They check the session themselves (withRouteAccess: 401 without one).
// The live meetings' event streams (api/meetings/<id>/live) are left out too: a long-lived
// streamed response has no use for the proxy, and the route checks the session itself.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/imports|api/fhir|api/admin/models|api/meetings/[^/]+/live).*)'] };
