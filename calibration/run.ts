import { CALIBRATION_FILE } from './load.ts';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import { kbenchVersion } from '../cli/version.ts';
import { calibrate } from './calibrate.ts';
import { INSTALL_HINT, missingTools } from './toolchain.ts';

/*
 * `npm run calibrate`: compiles the C kernel, times its paths on simavr and sizes them for both
 * targets, and writes results/calibration.json. Without the tools it says how to get them and
 * skips (exit 0), so a machine without them is not an error.
 */
const OUT = CALIBRATION_FILE;

const missing = missingTools();
if (missing.length > 0) {
  console.log(`calibrate: skipped, ${missing.join(', ')} not found. Install them with:\n  ${INSTALL_HINT}`);
  process.exit(0);
}
const result = calibrate();
writeFileAtomic(OUT, `${JSON.stringify({ kbench: kbenchVersion(), format: 1, ...result }, null, 1)}\n`);
for (const p of result.paths) {
  const cyc = p.states.map((s) => `k=${s.k} ${s.modelCycles}/${s.compiledCycles}`).join('  ');
  console.log(`${p.id.padEnd(28)} cycles model/compiled ${cyc}  bytes avr ${p.bytes.avr.model ?? '-'}/${p.bytes.avr.compiled} m4 ${p.bytes.m4.model ?? '-'}/${p.bytes.m4.compiled}`);
}
console.log(`calibrate: wrote ${OUT}`);
