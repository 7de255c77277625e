// The windscreen notice's token: printed as a QR on paper under a stranger's wiper, so anyone who
// reads it may answer it; only its hash is kept, so the database cannot print it again. Pure.
import { createHash, randomBytes } from 'node:crypto';

/** How long a notice takes answers: a car left overnight is still answered in the morning. */
export const NOTICE_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const NOTICE_TOKEN = /^[A-Za-z0-9_-]{24}$/;

export function newNoticeToken(): { token: string; hash: string } {
  const token = randomBytes(18).toString('base64url');
  return { token, hash: hashNoticeToken(token) };
}

export function hashNoticeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public page of the notice, in the web client (hash routing survives any QR reader). */
export function noticeUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/app/#/notice/${token}`;
}
