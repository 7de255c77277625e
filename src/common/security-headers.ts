import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The headers every response carries, set here once (an onSend hook) rather than per route.
 * Browsers must not guess a JSON, CSV or SVG reply into HTML; no page of ours is meant to be
 * framed; and links must not carry a guest's pass token or a sticker's URL to another site.
 */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const NOT_FRAMED = ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"];

/** Anything that is not a page: nothing may load from it, should a browser render it. */
const NON_PAGE_POLICY = ["default-src 'none'", ...NOT_FRAMED].join('; ');

/**
 * Pages the server renders (the permit card, the guest's visitor pass, the sticker sheet): no
 * script at all, pictures only inline (the QR is inline SVG), their one inline stylesheet.
 */
const SERVER_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  ...NOT_FRAMED,
].join('; ');

/** Swagger UI, bundled: its own scripts and styles (it sets inline styles), the API itself. */
const API_DOCS_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  ...NOT_FRAMED,
].join('; ');

// A host as browsers send it: a name or an IPv4/IPv6 address, and a port.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The web client: bundled script and stylesheet from this server, data:/blob: pictures (QR codes,
 * camera frames), and its API and live socket on the same host. Browsers before CSP 3 (older
 * Safari on residents' phones) do not count ws: as 'self', so the socket's host is named too.
 */
function webClientPolicy(host: string): string {
  const socket = HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${socket}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The Content-Security-Policy for a response, by where it is served and what it is. The web
 * client's and the API docs' are chosen by path alone: a 304 carries no content type, and a
 * browser updates the cached page's headers from it.
 */
export function contentSecurityPolicyFor(
  path: string,
  contentType: string | undefined,
  host: string,
): string {
  if (under(path, '/app')) return webClientPolicy(host);
  if (under(path, '/api/docs')) return API_DOCS_POLICY;
  if (contentType?.toLowerCase().startsWith('text/html')) return SERVER_PAGE_POLICY;
  return NON_PAGE_POLICY;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Sets the security headers on a reply; a route's own Cache-Control or policy is kept. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) void reply.header(name, value);
  // Most replies hold someone's data (a plate, a phone, a duty roster): nothing is stored by a
  // browser or a proxy unless the route says otherwise (web client files, API docs assets, the
  // revocation list's ETag).
  if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  if (!reply.hasHeader('content-security-policy')) {
    const contentType = reply.getHeader('content-type');
    void reply.header(
      'content-security-policy',
      contentSecurityPolicyFor(
        pathOf(request.url),
        typeof contentType === 'string' ? contentType : undefined,
        request.host,
      ),
    );
  }
}

export function addSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    applySecurityHeaders(request, reply);
    done(null, payload);
  });
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}
