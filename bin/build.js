#!/usr/bin/env node
// `npm run build`, and `npm install` through `prepare`: compiles the TypeScript sources into dist/
// so the CLI and its worker threads start without compiling anything, copies the data files the
// code reads beside itself, and stamps the build last (bin/build-freshness.js reads the stamp).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { DIST, ROOT, SOURCE_DIRS, STAMP } from './build-freshness.js';

// typescript's exports map hides bin/; its package.json is exported and sits beside it.
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

// A fresh folder: no compiled copy of a deleted source survives.
rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const dir of SOURCE_DIRS) {
  const files = readdirSync(join(ROOT, dir), { recursive: true }).filter((f) => f.endsWith('.json'));
  for (const file of files) cpSync(join(ROOT, dir, file), join(DIST, dir, file));
}
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
console.log(`kbench: built ${relative(ROOT, DIST)}/`);
