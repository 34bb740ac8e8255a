import { describe, expect, it } from 'vitest';
import type { Calibration } from '../calibration/calibrate.ts';
import { calibrationFigures, calibrationSection } from './calibration-figure.ts';
import { toSvg } from './render.ts';

const calibration: Calibration = {
  tools: { 'avr-gcc': 'avr-gcc 5.4.0' },
  method: [],
  paths: [
    { id: 'edf/insert', cFunctions: ['OS_EdfListInsert'], states: [{ k: 1, modelCycles: 76, compiledCycles: 76 }, { k: 8, modelCycles: 244, compiledCycles: 244 }], fit: { model: { a: 52, b: 24 }, compiled: { a: 52, b: 24 } }, bytes: { avr: { model: 100, compiled: 100 }, m4: { model: 44, compiled: 40 } } },
    { id: 'service/sem-post', cFunctions: ['OSSemPost'], states: [{ k: 1, modelCycles: 30, compiledCycles: 43 }], bytes: { avr: { compiled: 88 }, m4: { compiled: 78 } } },
  ],
  functions: { avr: {}, m4: {} },
};

describe('the calibration figure', () => {
  it('says the calibration is absent when results/calibration.json is missing, and draws nothing', () => {
    expect(calibrationFigures(undefined)).toEqual([]);
    expect(calibrationSection(undefined, [])).toMatch(/calibration\.json` is absent/);
  });

  it('draws one point per path for cycles and one per target for bytes where the model prices them', async () => {
    const [figure] = calibrationFigures(calibration);
    expect(figure).toBeDefined();
    const svg = await toSvg(figure!.spec);
    expect(svg).toContain('<svg');
    const section = calibrationSection(calibration, calibrationFigures(calibration));
    // edf/insert at k=8: 244/244 = 1.00; sem-post 30/43 = 0.70, outside 20%; its bytes are not modelled.
    expect(section).toContain('| edf/insert | 244 / 244 (k=8) | 1.00 |');
    expect(section).toMatch(/Outside 20% in cycles: service\/sem-post\./);
    expect(section).toContain('| service/sem-post | 30 / 43 (k=1) | 0.70 | - | - | - |');
  });
});
