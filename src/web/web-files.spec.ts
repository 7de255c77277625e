import path from 'node:path';
import {
  acceptedEncodings,
  cacheControlOf,
  encodedPath,
  etagOf,
  matchesEtag,
  resolveWebTarget,
} from './web-files';

const ROOT = path.resolve('/srv/hutong/dist/web');

describe('resolveWebTarget', () => {
  it.each(['', '/', 'home', 'warden/map', 'permits/3f2a', 'login/'])(
    'serves index.html for the client route "%s"',
    (requested) => {
      expect(resolveWebTarget(ROOT, requested)).toEqual({ kind: 'index' });
    },
  );

  it.each([
    ['app.js', 'app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'app.css', 'text/css; charset=utf-8'],
    ['app.js.map', 'app.js.map', 'application/json; charset=utf-8'],
    ['index.html', 'index.html', 'text/html; charset=utf-8'],
    ['icons/armband.svg', 'icons/armband.svg', 'image/svg+xml'],
    ['//icons//armband.SVG', 'icons/armband.SVG', 'image/svg+xml'],
  ])('serves the file "%s"', (requested, relative, contentType) => {
    expect(resolveWebTarget(ROOT, requested)).toEqual({
      kind: 'file',
      absolutePath: path.join(ROOT, relative),
      contentType,
    });
  });

  it.each([
    '../package.json',
    '../../etc/passwd.txt',
    'assets/../../secret.js',
    '..',
    '.env',
    'assets/.git/config.json',
    'app.js\0.png',
    '..\\..\\windows.ini.txt',
    'app.exe',
  ])('refuses "%s"', (requested) => {
    expect(resolveWebTarget(ROOT, requested)).toEqual({ kind: 'not-found' });
  });
});

describe('etags', () => {
  const etag = etagOf({ size: 35201, mtimeMs: 1_732_400_000_123.4 });

  it('match the same file in strong or weak form, or any file for *', () => {
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(etag.slice(2), etag)).toBe(true);
    expect(matchesEtag(`"other", ${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
  });

  it('do not match another version or a missing header', () => {
    expect(matchesEtag(etagOf({ size: 35202, mtimeMs: 1 }), etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});

describe('cacheControlOf', () => {
  it.each(['/w/app-3F2AQ7ZC.js', '/w/chunks/jsQR-HWAEDLNE.js', '/w/app-2VRYVCVP.css'])(
    'keeps the hashed file %s a year',
    (file) => expect(cacheControlOf(file)).toBe('public, max-age=31536000, immutable'),
  );

  it.each([
    '/w/index.html',
    '/w/sw.js',
    '/w/manifest.webmanifest',
    '/w/icons/icon-192.png',
    '/w/app.js',
  ])('revalidates %s on every load', (file) => expect(cacheControlOf(file)).toBe('no-cache'));
});

describe('acceptedEncodings', () => {
  it.each([
    ['gzip, deflate, br', ['br', 'gzip']],
    ['br;q=1.0, gzip;q=0.8', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['gzip;q=1, br;q=0', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0, gzip', ['gzip']],
    ['identity', []],
    [undefined, []],
    ['', []],
  ])('"%s" takes %j', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });

  it('names the file the build wrote for each', () => {
    expect(encodedPath('/w/app-X.js', 'br')).toBe('/w/app-X.js.br');
    expect(encodedPath('/w/app-X.js', 'gzip')).toBe('/w/app-X.js.gz');
  });
});
