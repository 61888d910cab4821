/** A request path made safe to look up, or why it is refused. */
export type RequestPath = { ok: true; path: string } | { ok: false; status: 400 | 403 };

/**
 * The site-relative file a request asks for (`/` is `index.html`), percent-decoded once.
 * Anything that could step outside the site is refused with 403 rather than resolved: a
 * `..` or `.` segment (literal or encoded), a backslash, a NUL or an empty segment. The
 * server only ever looks the result up among the files it built, so this is a second wall.
 */
export function requestPath(url: string): RequestPath {
  const raw = url.split(/[?#]/)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return { ok: false, status: 403 };
  const relative = decoded.slice(1);
  if (relative === '') return { ok: true, path: 'index.html' };
  const segments = relative.split('/');
  if (segments.some((segment, index) => segment === '..' || segment === '.' || (segment === '' && index < segments.length - 1))) {
    return { ok: false, status: 403 };
  }
  return { ok: true, path: relative.endsWith('/') ? `${relative}index.html` : relative };
}
