import type { Target } from '../target.ts';
import { m4 } from './m4.ts';

/*
 * STM32F407 (Cortex-M4) at 168 MHz. Its flash needs 5 wait states at this clock (RM0090 section 3.5.1,
 * Table 10, 2.7-3.6 V); the ART accelerator (128-bit prefetch buffer + 64-line instruction cache +
 * 8-line data cache) hides them for sequential code and for code that stays in the cache.
 * Model: kernel paths run often enough to stay cached, so steady state adds no wait states and
 * instructions cost their TRM cycles as on the GD32F450. Not modelled: the first execution after a
 * cache miss, which can add up to 5 cycles per 128-bit line fetched.
 */
export const m4F407: Target = {
  ...m4,
  id: 'm4-f407',
  name: 'STM32F407 (Cortex-M4) at 168 MHz, 5 flash wait states behind the ART accelerator',
  clockHz: 168_000_000,
  // 112 KB + 16 KB SRAM and 64 KB core-coupled memory (RM0090 section 2.3.1).
  ramBytes: 192 * 1024,
  flashBytes: 1024 * 1024,
  // coremarkPerMhz stays the GD32F450's: the same Cortex-M4 core, its wait states hidden by the ART accelerator.
  // A variant part: listed and runnable, not swept by the paper's studies.
  inStudies: false,
  // No 4 KB erase on this part: sectors 0-3 are 16 KB, 4 is 64 KB, 5-11 are 128 KB (RM0090 section
  // 3.3, Table 5). The kernel image takes sectors 0-4 (128 KB), APPs live in sectors 5-11, so the
  // XIPFS erase block there is one 128 KB sector: a patent 4 KB block costs a whole sector erase.
  // Times: DS8626 (STM32F405/407 datasheet) Table 40, x32 parallelism (2.7-3.6 V), typical.
  flash: {
    programBytes: 4,
    programUs: 16,
    eraseUnit: { bytes: 128 * 1024, eraseUs: 1_000_000 },
    appRegionBytes: 7 * 128 * 1024,
    source:
      'ST RM0090 section 3.3 Table 5 (sector organisation: 4 x 16 KB, 1 x 64 KB, 7 x 128 KB) and 3.5 (sector erase, program); DS8626 Table 40, x32: word program 16 us typ, 128 KB sector erase 1 s typ (16 KB 250 ms, 64 KB 550 ms)',
  },
  fetchModel:
    '5 flash wait states hidden by the ART accelerator in steady state (cache hits): TRM cycles; cold-cache misses (up to 5 cycles per 128-bit line) are not modelled.',
  sources: [
    ...m4.sources.filter((s) => !s.startsWith('GigaDevice')),
    'ST RM0090 (STM32F405/407 reference manual): section 3.5.1 flash wait states, ART accelerator; section 2.3.1 SRAM; section 3.3 Table 5 sectors',
    'ST DS8626 (STM32F405xx/407xx datasheet) Table 40: flash program and erase times',
  ],
};
