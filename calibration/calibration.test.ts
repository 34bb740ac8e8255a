import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { loadCalibration } from './load.ts';
import { CALIBRATED_PATHS } from './model-paths.ts';
import { BYTE_TOLERANCE, CYCLE_TOLERANCE, within } from './tolerances.ts';

/*
 * The model against the committed compiled-code calibration (results/calibration.json, written by
 * `npm run calibrate` where avr-gcc and simavr exist). The model's figures are recomputed here from
 * the kernels' blocks and the target tables, so a change to a block or a lowering that drifts from
 * compiled code fails this test on any machine.
 */
const calibration = loadCalibration();

describe('the cost model against compiled code', () => {
  it('has a committed calibration covering every calibrated path', () => {
    expect(calibration, 'results/calibration.json is missing: run npm run calibrate').toBeDefined();
    const ids = new Set(calibration?.paths.map((p) => p.id));
    expect(CALIBRATED_PATHS.map((p) => p.id).filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const path of CALIBRATED_PATHS) {
    const measured = calibration?.paths.find((p) => p.id === path.id);
    const cycles = path.cycles;
    if (cycles !== undefined) {
      it(`${path.id}: AVR cycles within ${CYCLE_TOLERANCE * 100}% of avr-gcc -Os on simavr at every state size`, () => {
        const off = (measured?.states ?? [])
          .map((s) => ({ k: s.k, model: cycles(avr, s.k), compiled: s.compiledCycles }))
          .filter((s) => !within(s.model, s.compiled, CYCLE_TOLERANCE));
        expect(measured?.states.length).toBeGreaterThan(0);
        expect(off).toEqual([]);
      });
    }
    const modelBytes = path.bytes;
    if (modelBytes === undefined) continue;
    it(`${path.id}: AVR and M4 bytes within ${BYTE_TOLERANCE * 100}% of the compiled functions`, () => {
      const bytes = measured?.bytes;
      expect(bytes).toBeDefined();
      const got = { avr: modelBytes(avr), m4: modelBytes(m4) };
      expect({ avr: within(got.avr, bytes?.avr.compiled ?? 0, BYTE_TOLERANCE), m4: within(got.m4, bytes?.m4.compiled ?? 0, BYTE_TOLERANCE) }, `model ${JSON.stringify(got)}, compiled ${JSON.stringify(bytes)}`).toEqual({ avr: true, m4: true });
    });
  }
});
