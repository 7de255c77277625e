import { createHash } from 'node:crypto';
import { type PagePolicy, socketSources } from '../common/security-headers';
import { PERMIT_CARD_STYLE } from '../permits/permit-card-style';

// The printable permit card is fetched with the member's token and opened as a blob: page, which
// inherits this policy: its one stylesheet is allowed by hash, no other inline style.
const PERMIT_CARD_STYLE_HASH = `'sha256-${createHash('sha256').update(PERMIT_CARD_STYLE).digest('base64')}'`;

/**
 * The web client: its bundled script and stylesheet from this server (no CDN, system fonts),
 * data:/blob: pictures (QR codes, camera frames), its API and live socket on the same host.
 */
export const WEB_CLIENT_PAGES: PagePolicy = {
  prefix: '/app',
  policy: (host) =>
    [
      "default-src 'self'",
      `style-src 'self' ${PERMIT_CARD_STYLE_HASH}`,
      "img-src 'self' data: blob:",
      `connect-src 'self'${socketSources(host)}`,
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
};
