import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * The calibration's outside tools (Debian packages gcc-avr, avr-libc, simavr, gcc-arm-none-eabi,
 * libnewlib-arm-none-eabi): compile the C kernel for each target, run the timing image on simavr,
 * read each function's size from the symbol table. Nothing here runs inside `npm test`.
 */

/** The tools the calibration needs, by command name. */
export const TOOLS = ['avr-gcc', 'avr-nm', 'simavr', 'arm-none-eabi-gcc', 'arm-none-eabi-nm'] as const;

/** How to install the tools on Debian or Ubuntu. */
export const INSTALL_HINT = 'apt-get install gcc-avr avr-libc simavr gcc-arm-none-eabi libnewlib-arm-none-eabi';

/** The compile flags of each target: the size-optimised builds the paper's kind of firmware ships. */
export const AVR_FLAGS = ['-mmcu=atmega128', '-Os', '-std=c99', '-Wall', '-Wextra'] as const;
export const M4_FLAGS = ['-mcpu=cortex-m4', '-mthumb', '-Os', '-std=c99', '-Wall', '-Wextra'] as const;
/** The simulated part and clock. */
export const SIMAVR_ARGS = ['-m', 'atmega128', '-f', '8000000'] as const;

const CALIBRATION_DIR = import.meta.dirname;
/** The C kernel's sources: every file of calibration/c is compiled and sized. */
export const C_DIR = join(CALIBRATION_DIR, 'c');
export const HARNESS = join(CALIBRATION_DIR, 'harness', 'avr_main.c');

/** The tools that are not on PATH (empty when all are). */
export function missingTools(): string[] {
  return TOOLS.filter((t) => spawnSync(t, ['--version'], { encoding: 'utf8' }).error !== undefined);
}

/** The first line a tool prints for --version (simavr prints its version on stderr). */
export function toolVersion(tool: string): string {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown';
}

/** Runs a command; throws with its output when it fails. */
function run(cmd: string, args: readonly string[], timeoutMs = 120_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error !== undefined) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

/** The whole kernel services (uC/OS-II's functions beyond the timed paths), linked and sized with the rest. */
export const SERVICES_DIR = join(C_DIR, 'services');

/** The C files of the kernel: the timed kernel's, then the whole services'. */
export function cSources(): string[] {
  const inDir = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => join(dir, f));
  return [...inDir(C_DIR), ...inDir(SERVICES_DIR)];
}

/** Builds the timing image (harness + every C file) in `outDir`; returns the ELF's path. */
export function buildAvrImage(outDir: string): string {
  const elf = join(outDir, 'calibration.elf');
  run('avr-gcc', [...AVR_FLAGS, '-o', elf, HARNESS, ...cSources()]);
  return elf;
}

/** Runs the image on simavr until it sleeps with interrupts masked; returns what it printed. */
export function runOnSimavr(elf: string): string {
  return run('simavr', [...SIMAVR_ARGS, elf], 300_000);
}

/** Each defined function's bytes in every C file, compiled for one target (a file at a time, as sized). */
export function functionSizes(target: 'avr' | 'm4', outDir: string): Record<string, number> {
  const [cc, nm, flags] = target === 'avr' ? ['avr-gcc', 'avr-nm', AVR_FLAGS] as const : ['arm-none-eabi-gcc', 'arm-none-eabi-nm', M4_FLAGS] as const;
  const sizes: Record<string, number> = {};
  for (const src of cSources()) {
    const obj = join(outDir, `${target}-${relative(C_DIR, src).replaceAll('/', '-')}.o`);
    run(cc, [...flags, '-c', '-o', obj, src]);
    for (const line of run(nm, ['-S', '--defined-only', obj]).split('\n')) {
      const m = /^[0-9a-f]+ ([0-9a-f]+) [Tt] (\S+)$/.exec(line.trim());
      if (m === null) continue;
      const name = m[2] as string;
      // One definition per name: a second would hide which C a path's bytes were read from.
      if (sizes[name] !== undefined) throw new Error(`calibration: ${name} is defined twice (again in ${relative(C_DIR, src)})`);
      sizes[name] = Number.parseInt(m[1] as string, 16);
    }
  }
  return sizes;
}
