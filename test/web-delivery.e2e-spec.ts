import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describeWithBrowser, loginInBrowser } from './support/browser';
import { DEMO, startTestApp, type TestApp } from './support/test-app';
import { entryAssets } from './support/web-assets';

/** The bytes as they travel (no client decompressing them), and the headers. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the client is delivered as a phone on a slow line needs it', () => {
  it('hashed scripts and styles are kept a year; index.html, sw.js and the manifest are revalidated', async () => {
    const { script, style, preloads } = await entryAssets(t);
    expect(script).toMatch(/^\/app\/app-[A-Z0-9]{8}\.js$/);
    expect(style).toMatch(/^\/app\/app-[A-Z0-9]{8}\.css$/);
    for (const path of [script, style, ...preloads]) {
      const reply = await t.http().get(path).expect(200);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of [
      '/app/',
      '/app/sw.js',
      '/app/manifest.webmanifest',
      '/app/icons/icon-192.png',
    ]) {
      const reply = await t.http().get(path).expect(200);
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(reply.headers.etag).toBeDefined();
    }
  });

  it('serves brotli or gzip as the request accepts, the same bytes once decoded', async () => {
    const { script } = await entryAssets(t);
    const plain = await rawGet(`${t.url}${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');

    const br = await rawGet(`${t.url}${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);

    const gz = await rawGet(`${t.url}${script}`, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);

    // Each encoding has its own validator, so a cached brotli copy is never taken for gzip.
    expect(new Set([plain, br, gz].map((r) => r.headers.etag)).size).toBe(3);
    const again = await rawGet(`${t.url}${script}`, {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);

    const index = await rawGet(`${t.url}/app/warden/scan`, { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(index.body).toString()).toContain('<div id="root">');
  });

  it('the compressed files cannot be asked for by name', async () => {
    const { script } = await entryAssets(t);
    await t.http().get(`${script}.br`).expect(404);
    await t.http().get(`${script}.gz`).expect(404);
  });
});

const FIRST_SCREEN_BUDGET = 150 * 1024;

describeWithBrowser('the first screen loads little', ({ newPage }) => {
  it('the login and a warden home fetch at most 150 KiB of compressed script; the QR decoder only on scan', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 } });
    const scripts = new Map<string, number>();
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script') return;
      void req.sizes().then((sizes) => scripts.set(req.url(), sizes.responseBodySize));
    });
    await loginInBrowser(page, t.url, DEMO.wardens[0], DEMO.password);
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    const names = [...scripts.keys()].map((url) => new URL(url).pathname);
    expect(names.some((name) => /jsQR/.test(name))).toBe(false);
    expect(names.some((name) => /council-/.test(name))).toBe(false);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);

    // The decoder is fetched when the warden first scans.
    await page.goto(`${t.url}/app/#/warden/scan`);
    await page.getByTestId('warden-scan').waitFor();
    const decoder = page.waitForRequest((req) => /jsQR/.test(req.url()));
    await page
      .getByTestId('scan-upload')
      .setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: BLANK_PNG });
    await decoder;
  });
});

// A 1×1 white PNG: no QR in it, enough to make the screen load its decoder.
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);
