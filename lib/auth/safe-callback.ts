const base = 'http://konsil.invalid';

/**
 * Only same-site paths may be redirected to after sign-in (no open redirects).
 * Browsers drop tabs and newlines from URLs and treat "\" like "/", so
 * "/\t/evil.example" would become "//evil.example": the value is parsed the way
 * a browser would and must stay on our origin, and control characters and
 * backslashes are refused outright.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  if (url.pathname.startsWith('/signin') || url.pathname.startsWith('/api/auth')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
