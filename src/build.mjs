// Builds the server (tsc) and the web client (esbuild) only when their sources changed since the
// last build, so `npm start` on an unchanged checkout starts at once and the web files keep their
// modification times (their ETags), so phones do not download the client again.
// A stamp in dist/ holds a fingerprint (path, size, mtime) of each part's inputs.
//   node src/build.mjs          build what changed
//   node src/build.mjs --force  build everything
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp.json');
const force = process.argv.includes('--force');
const started = Date.now();
const CLIENT_DIR = path.join('src', 'web', 'client') + path.sep;

const parts = [
  {
    name: 'server',
    inputs: () => [
      ...walk('src', (file) => isServerSource(file)),
      ...walk('migrations'),
      'tsconfig.json',
      'src/tsconfig.build.json',
      'package-lock.json',
    ],
    outputs: ['dist/src/main.js'],
    build() {
      // An incremental build does not re-emit outputs someone deleted: start it afresh then.
      if (!existsSync(path.join(root, 'dist/src/main.js'))) {
        rmSync(path.join(root, 'dist/.tsbuildinfo-build'), { force: true });
      }
      run(require('typescript/bin/tsc'), ['-p', 'src/tsconfig.build.json']);
    },
  },
  {
    name: 'web client',
    inputs: () => [
      ...clientSources('src/web/client/main.tsx'),
      'src/web/client/index.html',
      ...walk('src/web/client/static'),
      'src/web/service-worker.mjs',
      'src/web/build.mjs',
      'package-lock.json',
    ],
    outputs: ['dist/web/index.html', 'dist/web/sw.js'],
    build() {
      run(path.join(root, 'src/web/build.mjs'), []);
    },
  },
];

function isServerSource(file) {
  return file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.startsWith(CLIENT_DIR);
}

function require(specifier) {
  return fileURLToPath(import.meta.resolve(specifier));
}

function run(script, args) {
  execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
}

/** Files under `dir` (relative to the root), skipping dotfiles. */
function walk(dir, keep = () => true) {
  const found = [];
  const visit = (relative) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (keep(child)) found.push(child);
    }
  };
  visit(dir);
  return found;
}

/** The client's own files: every relative import reached from the entry, wherever it lives. */
function clientSources(entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(tsx?|mjs|js)$/.test(file)) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const resolved = resolveImport(path.dirname(file), match[1]);
      if (resolved) pending.push(resolved);
    }
  }
  return [...seen];
}

function resolveImport(fromDir, specifier) {
  const base = path.join(fromDir, specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  candidates.push(path.join(base, 'index.tsx'));
  return candidates.find(
    (c) => existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile(),
  );
}

function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stats?.size ?? -1}\0${stats?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

const lockFile = path.join(root, 'dist', '.build-lock');

/** One build at a time (test files started in parallel each ask for one): the others wait. */
async function withBuildLock(work) {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (!isAlive(holder)) rmSync(lockFile, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

await withBuildLock(() => {
  const stamp = existsSync(stampFile) && !force ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
  const built = [];
  for (const part of parts) {
    const print = fingerprint(part.inputs());
    const complete = part.outputs.every((file) => existsSync(path.join(root, file)));
    if (stamp[part.name] === print && complete) continue;
    process.stdout.write(
      `building the ${part.name} (${complete ? 'sources changed' : 'first build'})\n`,
    );
    part.build();
    stamp[part.name] = print;
    mkdirSync(path.dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
    built.push(part.name);
  }
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  process.stdout.write(
    built.length > 0
      ? `built the ${built.join(' and ')} in ${took}\n`
      : `build up to date (${took})\n`,
  );
});
