import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * A kbench source tree compiled to JavaScript for the bench: the current checkout, or a git ref
 * checked out in a temporary worktree. Both are compiled the same way (tsc, as the CLI's build
 * does), so a side-by-side bench compares the code, not two ways of running it.
 */

/** The modules the bench loads from a tree, as paths under its root without extension. */
export const BENCH_ENTRY_MODULES = [
  'hardware/engine',
  'hardware/targets/index',
  'hardware/units',
  'experiments/avr-meter-demo',
  'experiments/breakdown',
  'kernels/registry',
  'workloads/load',
] as const;

/** The folders whose `.json` data the compiled code reads beside itself (workloads, tables). */
const DATA_DIRS = ['analysis', 'experiments', 'hardware', 'kernels', 'workloads', 'system'];

/** A compiled tree: where its JavaScript is, and how to remove what was made for it. */
export interface CompiledTree {
  readonly label: string;
  readonly jsRoot: string;
  readonly dispose: () => void;
}

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');
// typescript's exports map hides bin/; its package.json is exported and sits beside it.
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

/** Compiles `modules` (the bench's by default) of the tree at `sourceRoot`, with what they import, into a fresh temporary folder. */
export function compileTree(label: string, sourceRoot: string, modules: readonly string[] = BENCH_ENTRY_MODULES): CompiledTree {
  const jsRoot = mkdtempSync(join(tmpdir(), `kbench-bench-${label.replace(/[^\w.-]/g, '_')}-`));
  const config = join(jsRoot, 'tsconfig.bench.json');
  const files = modules.map((m) => join(sourceRoot, `${m}.ts`));
  for (const file of files) {
    if (!existsSync(file)) throw new Error(`${label}: ${file} does not exist; the bench needs ${modules.join(', ')}`);
  }
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(sourceRoot, 'tsconfig.json'),
      compilerOptions: {
        // Type packages resolve from the tree's own node_modules, not from this temporary folder.
        typeRoots: [join(sourceRoot, 'node_modules', '@types')],
        noEmit: false, outDir: jsRoot, rootDir: sourceRoot, rewriteRelativeImportExtensions: true, declaration: false },
      files,
      include: [],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  } catch (e) {
    rmSync(jsRoot, { recursive: true, force: true });
    throw new Error(`${label}: the bench's modules do not compile (tsc's errors above)`, { cause: e });
  }
  for (const dir of DATA_DIRS) {
    if (!existsSync(join(sourceRoot, dir))) continue;
    const data = readdirSync(join(sourceRoot, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    for (const file of data) cpSync(join(sourceRoot, dir, file), join(jsRoot, dir, file));
  }
  // The compiled modules import packages (zod, simple-statistics): resolve them from this checkout.
  symlinkSync(join(repoRoot, 'node_modules'), join(jsRoot, 'node_modules'), 'dir');
  // ES modules: the emitted .js files need the package's "type": "module".
  writeFileSync(join(jsRoot, 'package.json'), '{ "type": "module" }\n');
  return { label, jsRoot, dispose: () => rmSync(jsRoot, { recursive: true, force: true }) };
}

/** The current checkout's `modules` (the bench's by default), compiled. */
export function compileCurrent(modules: readonly string[] = BENCH_ENTRY_MODULES): CompiledTree {
  return compileTree('current', repoRoot, modules);
}

/** `ref` checked out in a temporary git worktree and its `modules` (the bench's by default) compiled; disposing removes both. */
export function compileRef(ref: string, modules: readonly string[] = BENCH_ENTRY_MODULES): CompiledTree {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const sourceRoot = mkdtempSync(join(tmpdir(), 'kbench-bench-src-'));
  git('worktree', 'add', '--detach', '--force', sourceRoot, commit);
  // The ref's compiler settings name the type packages: let them resolve as they do here.
  symlinkSync(join(repoRoot, 'node_modules'), join(sourceRoot, 'node_modules'), 'dir');
  const removeWorktree = (): void => void git('worktree', 'remove', '--force', sourceRoot);
  try {
    const compiled = compileTree(ref, sourceRoot, modules);
    return {
      label: `${ref} (${commit.slice(0, 7)})`,
      jsRoot: compiled.jsRoot,
      dispose: () => {
        compiled.dispose();
        removeWorktree();
      },
    };
  } catch (e) {
    removeWorktree();
    throw e;
  }
}
