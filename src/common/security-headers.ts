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

export const NOT_FRAMED = ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"];

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

/**
 * A page a feature serves under a path with a policy of its own (the web client, the API docs),
 * chosen by path alone: a 304 carries no content type, and a browser updates the cached page's
 * headers from it.
 */
export interface PagePolicy {
  prefix: string;
  /** The policy, given the Host the page was asked for (its live socket's host). */
  policy: (host: string) => string;
}

/** The Content-Security-Policy for a response, by where it is served and what it is. */
export function contentSecurityPolicyFor(
  path: string,
  contentType: string | undefined,
  host: string,
  pages: readonly PagePolicy[] = [],
): string {
  const page = pages.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
  if (page) return page.policy(host);
  if (contentType?.toLowerCase().startsWith('text/html')) return SERVER_PAGE_POLICY;
  return NON_PAGE_POLICY;
}

// A host as browsers send it: a name or an IPv4/IPv6 address, and a port.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * `ws://host wss://host` for a page whose live socket goes back to the host it came from:
 * browsers before CSP 3 (older Safari on residents' phones) do not count ws: as 'self'. Nothing
 * when the Host header is not a plain host, so it can never add a directive.
 */
export function socketSources(host: string): string {
  return HOST.test(host) ? ` ws://${host} wss://${host}` : '';
}

/** Sets the security headers on a reply; a route's own Cache-Control or policy is kept. */
export function applySecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  pages: readonly PagePolicy[] = [],
): void {
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
        pages,
      ),
    );
  }
}

/** The one place the headers are set: every reply, pages named by the features that serve them. */
export function addSecurityHeaders(fastify: FastifyInstance, pages: readonly PagePolicy[]): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    applySecurityHeaders(request, reply, pages);
    done(null, payload);
  });
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query >= 0 ? url.slice(0, query) : url;
}
