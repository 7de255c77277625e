import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { TestApp } from './test-app';

/** Reads a QR PNG as a phone camera would: pixels in, text out. */
export function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return code.data;
}

export function qrVersionOf(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
}

/**
 * Verifies with `jose`, a different library from the one that signed (jsonwebtoken). jose is
 * ESM-only, which jest's CommonJS runtime cannot load, so it runs in a plain node process.
 */
export function verifyWithJose(token: string, jwks: unknown): { payload: any; kid: string } {
  const script = `
    const { createLocalJWKSet, jwtVerify } = require('jose');
    const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    jwtVerify(input.token, createLocalJWKSet(input.jwks), { issuer: 'hp', algorithms: ['ES256'] })
      .then((r) => console.log(JSON.stringify({ payload: r.payload, kid: r.protectedHeader.kid })))
      .catch((e) => { console.log(JSON.stringify({ error: e.code || e.message })); });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    input: JSON.stringify({ token, jwks }),
    cwd: process.cwd(),
  }).toString();
  const result = JSON.parse(out);
  if (result.error) throw new Error(`jose refused the token: ${result.error}`);
  return result;
}

export async function permitIdOfPlate(
  t: TestApp,
  plate: string,
  kind = 'resident',
): Promise<string> {
  const rows = await t.sql<{ id: string }>(
    `SELECT id FROM permit WHERE plate = $1 AND kind = $2 ORDER BY number DESC LIMIT 1`,
    [plate, kind],
  );
  if (!rows[0]) throw new Error(`no ${kind} permit for ${plate}`);
  return rows[0].id;
}

/** The QR of a permit, as the app prints it, decoded back to its token. */
export async function tokenOfPermit(t: TestApp, bearer: string, permitId: string): Promise<string> {
  const response = await t
    .http()
    .get(`/api/permits/${permitId}/qr.png`)
    .set('Authorization', `Bearer ${bearer}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (response.status !== 200)
    throw new Error(`qr.png ${response.status}: ${String(response.body)}`);
  return decodeQrPng(response.body as Buffer);
}

let keyCounter = 0;
export function idempotencyKey(): string {
  keyCounter += 1;
  return `test-${process.pid}-${Date.now()}-${keyCounter}`;
}
