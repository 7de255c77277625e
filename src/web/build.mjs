// Builds the web client into dist/web: index.html, app.js, app.css; source maps only for
// development (`--watch`, or NODE_ENV=development), so production never publishes its source.
// Offline by design: no CDN, no web fonts; esbuild bundles Preact from node_modules.
// `node src/web/build.mjs --watch` rebuilds on change while the server runs.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const clientDir = path.join(here, 'client');
const outDir = path.join(root, 'dist', 'web');
const watch = process.argv.includes('--watch');
const sourcemap = watch || process.env.NODE_ENV === 'development';

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: { app: path.join(clientDir, 'main.tsx') },
  outdir: outDir,
  bundle: true,
  minify: true,
  sourcemap,
  target: 'es2020',
  format: 'iife',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

/** Copies index.html last, so a half-built client is never served as complete. */
const copyIndexHtml = {
  name: 'copy-index-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      await copyFile(path.join(clientDir, 'index.html'), path.join(outDir, 'index.html'));
      if (result.metafile) report(result.metafile);
    });
  },
};

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

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

if (watch) {
  const context = await esbuild.context({ ...options, plugins: [copyIndexHtml] });
  await context.watch();
  process.stdout.write('watching src/web/client for changes (Ctrl-C to stop)\n');
} else {
  try {
    await esbuild.build({ ...options, plugins: [copyIndexHtml] });
  } catch {
    // esbuild has already printed the errors with file and line.
    process.exit(1);
  }
}
