// Builds the web client into dist/web. Offline by design: no CDN, no web fonts; esbuild bundles
// Preact from node_modules.
//   - ES modules split into chunks (`splitting`): the first screen loads only what it imports;
//     the QR decoder and the council's screens arrive by `import()` when someone opens them.
//   - Every script and stylesheet is named by its content hash (app-3F2A….js), so the server can
//     let phones keep them for a year (immutable); index.html, sw.js and the manifest keep stable
//     names and are revalidated on every load.
//   - Each text file is written beside its .br and .gz forms (Node's zlib), which the server picks
//     by Accept-Encoding: nothing is compressed per request.
//   - sw.js, the service worker, is written last with the list of files it keeps for offline use.
// Source maps only for development (`--watch`, or NODE_ENV=development), so production never
// publishes its source. `node src/web/build.mjs --watch` rebuilds on change.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const clientDir = path.join(here, 'client');
const staticDir = path.join(clientDir, 'static');
const outDir = path.join(root, 'dist', 'web');
const watch = process.argv.includes('--watch');
const sourcemap = watch || process.env.NODE_ENV === 'development';

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: { app: path.join(clientDir, 'main.tsx') },
  outdir: outDir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap,
  target: 'es2020',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|map)$/;

/** Writes index.html, the static files, the compressed forms and sw.js after each build. */
const finishBuild = {
  name: 'finish-build',
  setup(build) {
    build.onStart(() => removeHashedOutputs());
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.metafile) return;
      const entry = entryOutputs(result.metafile);
      await copyStatic();
      const shell = await shellFiles();
      await writeFile(path.join(outDir, 'sw.js'), await serviceWorker(shell));
      await compressAll();
      // index.html last, so a half-built client is never served as complete.
      await writeFile(path.join(outDir, 'index.html'), await indexHtml(entry));
      await compressFile(path.join(outDir, 'index.html'));
      report(result.metafile);
    });
  },
};

/**
 * The entry's script and stylesheet, and the chunks it imports statically (preloaded, so the
 * browser asks for them at once instead of after reading the entry), as URLs under /app/.
 */
function entryOutputs(metafile) {
  // A lazily imported screen is an entry point of its own chunk too: pick main.tsx's.
  const main = path.relative(root, path.join(clientDir, 'main.tsx')).split(path.sep).join('/');
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint === main && file.endsWith('.js')) {
      return {
        script: urlOf(file),
        style: urlOf(output.cssBundle),
        preload: output.imports
          .filter((chunk) => chunk.kind === 'import-statement')
          .map((chunk) => urlOf(chunk.path)),
      };
    }
  }
  throw new Error('esbuild produced no entry script');
}

function urlOf(file) {
  return `/app/${path.relative(outDir, path.resolve(root, file)).split(path.sep).join('/')}`;
}

async function indexHtml({ script, style, preload }) {
  const template = await readFile(path.join(clientDir, 'index.html'), 'utf8');
  return template
    .replace('%STYLE%', style)
    .replace('%SCRIPT%', script)
    .replace(
      '%PRELOAD%',
      preload.map((url) => `<link rel="modulepreload" href="${url}" />`).join('\n    '),
    );
}

async function copyStatic() {
  for (const file of await listFiles(staticDir)) {
    const target = path.join(outDir, path.relative(staticDir, file));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file, target);
  }
}

/** Everything a phone keeps to open the client with no network: the built files and icons. */
async function shellFiles() {
  const files = await listFiles(outDir);
  return (
    files
      .map((file) => path.relative(outDir, file).split(path.sep).join('/'))
      // A lazy chunk's own stylesheet is also in the entry's (esbuild bundles all CSS there).
      .filter((file) => !/\.(br|gz|map)$/.test(file) && !/^chunks\/.*\.css$/.test(file))
      .filter((file) => file !== 'sw.js')
      .sort()
  );
}

/** The service worker, named for this build's files so a new build replaces the old cache. */
async function serviceWorker(shell) {
  const hash = createHash('sha256');
  for (const file of shell)
    hash.update(`${file}\0`).update(await readFile(path.join(outDir, file)));
  const files = ['./', ...shell.filter((file) => file !== 'index.html')];
  const template = await readFile(path.join(here, 'service-worker.mjs'), 'utf8');
  if (!template.includes("'__VERSION__'") || !template.includes("'__SHELL__'")) {
    throw new Error('service-worker.mjs lost its __VERSION__ or __SHELL__ placeholder');
  }
  return template
    .replace("'__VERSION__'", () => JSON.stringify(hash.digest('hex').slice(0, 12)))
    .replace("'__SHELL__'", () => JSON.stringify(JSON.stringify(files)));
}

async function compressAll() {
  const files = (await listFiles(outDir)).filter((file) => COMPRESSIBLE.test(file));
  await Promise.all(files.map(compressFile));
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function compressFile(file) {
  const body = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipped(body, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

/** Old hashed files would pile up across watch rebuilds: each build starts from an empty folder. */
async function removeHashedOutputs() {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
}

async function listFiles(dir) {
  const found = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return found;
    throw error;
  }
  for (const entry of entries) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(child)));
    else found.push(child);
  }
  return found;
}

function report(metafile) {
  const lines = Object.entries(metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(
      ([file, { bytes }]) =>
        `  ${path.relative(root, path.resolve(root, file))}  ${(bytes / 1024).toFixed(1)} KiB`,
    );
  process.stdout.write(
    `web client built into ${path.relative(root, outDir)}/\n${lines.join('\n')}\n`,
  );
}

if (watch) {
  const context = await esbuild.context({ ...options, plugins: [finishBuild] });
  await context.watch();
  process.stdout.write('watching src/web/client for changes (Ctrl-C to stop)\n');
} else {
  try {
    await esbuild.build({ ...options, plugins: [finishBuild] });
  } catch {
    // esbuild has already printed the errors with file and line.
    process.exit(1);
  }
}
