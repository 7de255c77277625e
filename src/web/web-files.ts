import path from 'node:path';

/** What a path under /app/ asks for. Pure: the controller does the reading. */
export type WebTarget =
  | { kind: 'index' }
  | { kind: 'file'; absolutePath: string; contentType: string }
  | { kind: 'not-found' };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps the part of the URL after /app/ (already percent-decoded by the router) to a file inside
 * `root`. Paths without an extension are client-side routes and get index.html; anything that
 * would step outside `root`, reach a dotfile, or has an unknown type is not found.
 */
export function resolveWebTarget(root: string, requested: string): WebTarget {
  if (requested.includes('\0') || requested.includes('\\')) return { kind: 'not-found' };
  const segments = requested.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'not-found' };
  const last = segments.at(-1);
  if (last === undefined || path.posix.extname(last) === '') return { kind: 'index' };

  const contentType = CONTENT_TYPES[path.posix.extname(last).toLowerCase()];
  if (!contentType) return { kind: 'not-found' };
  const base = path.resolve(root);
  const absolutePath = path.resolve(base, ...segments);
  if (!absolutePath.startsWith(base + path.sep)) return { kind: 'not-found' };
  return { kind: 'file', absolutePath, contentType };
}

/** A weak validator from size and modification time: enough for files replaced by a build. */
export function etagOf(stats: { size: number; mtimeMs: number }): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || `W/${tag}` === etag);
}

/** A built file's name carries its content hash (esbuild's `[name]-[hash]`): app-3F2AQ7ZC.js. */
const HASHED = /-[A-Z0-9]{8}\.(?:js|css)$/;

/**
 * Cache-Control for a file of the client: hashed files never change under their name, so a phone
 * keeps them a year without asking; everything else (index.html, sw.js, the manifest, icons) is
 * revalidated on each load, which its ETag makes a 304 until a build replaces it.
 */
export function cacheControlOf(file: string): string {
  return HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export type ContentEncoding = 'br' | 'gzip';

/** The encodings a request accepts, best first (brotli is smaller); `q=0` refuses one. */
export function acceptedEncodings(acceptEncoding: string | undefined): ContentEncoding[] {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(allows);
}

/** The file build.mjs wrote beside `file` for an encoding. */
export function encodedPath(file: string, encoding: ContentEncoding): string {
  return `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
}
