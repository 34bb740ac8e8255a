import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { footprint, getProfile } from '../kernels/registry.ts';
import { paperKB, table2 } from './table2.ts';

describe('table2', () => {
  it('has one row per target x profile with exactly the Table2Row keys', () => {
    const units = table2.units('full');
    // Two targets x eight compared profiles, less LiteOS-M on the AVR (no port).
    expect(units.length).toBe(15);
    const row = table2.runUnit(units[0] as (typeof units)[number]);
    expect(Object.keys(row)).toEqual([...table2.columns]);
    expect(row).toMatchObject({ target: 'avr', profile: 'webit', paperKB: 3.81 });
  });

  it("sets the paper's KB beside the avr rows of its five kernels only", () => {
    expect(paperKB('idcx', 'avr')).toBe(3.11);
    expect(paperKB('ucos2', 'avr')).toBe(3.91);
    expect(paperKB('mos', 'avr')).toBeNull();
    expect(paperKB('ucos2', 'm4')).toBeNull();
  });

  it('counts only the code a configuration includes: uC/OS-II without event flags is smaller', () => {
    const ucos2 = getProfile('ucos2');
    const avr = getTarget('avr');
    const without = footprint({ ...ucos2, services: { ...ucos2.services, flags: false } }, avr).codeBytes;
    expect(without).toBeLessThan(table2.runUnit({ target: 'avr', profile: 'ucos2' }).codeBytes);
  });
});
