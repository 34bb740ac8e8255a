import type { Row } from '../experiments/contract.ts';
import { getTarget } from '../hardware/targets/index.ts';
import type { ResultsSet } from './claims.ts';
import { figure, profileColor, WHOLE, type Figure } from './figures.ts';
import { markdownTable } from './markdown.ts';
import { paperProfileIds, profileName, profileOrder } from './profiles.ts';

/*
 * The report's "Multi-APP meters" (issue 13): what isolating vendors' APPs on one Cortex-M4 costs,
 * read from the multi-APP experiments' rows and, for today's kernels beside the paper's five, from
 * fig1, fig2, table2 and indicators. Every number in the prose is computed here from those rows.
 */

/** The experiments the section reads; absent ones are named as not yet measured. */
const SECTION_EXPERIMENTS = ['multiapp-isolation', 'multiapp-launch', 'multiapp-flash', 'multiapp-heap', 'multiapp-indicators', 'multiapp-faults'] as const;
/** Figures are filed under this name, so that only this section shows them. */
const FIGURE_GROUP = 'multiapp-meters';
/** The target the prose quotes. */
const TARGET = 'm4';
/** The task count the kernel comparison reads fig1 and fig2 at. */
const COMPARED_TASKS = 8;
/** Today's meter kernels (issue 13, item 1). */
const TODAYS_KERNELS = ['liteos-m', 'freertos'] as const;

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const onTarget = (rows: readonly Row[] | undefined): Row[] => (rows ?? []).filter((r) => r.target === TARGET);

function isolationFigure(rows: readonly Row[]): Figure {
  const values = rows.filter((r) => num(r.apps) > 0).map((r) => ({ ...r, switchMaxUs: (num(r.switchMaxCycles) * 1e6) / getTarget(String(r.target)).clockHz }));
  const single = rows.filter((r) => r.apps === 0).map((r) => ({ target: r.target, switchMeanUs: r.switchMeanUs }));
  return figure(
    { id: 'multiapp-isolation', experiment: FIGURE_GROUP, title: 'Task-switch time against the number of APPs', caption: 'Mean task-to-task switch (solid) and the longest, a switch into another APP (dashed), against the APPs the eight meter tasks are grouped in; the dotted rule is the same tasks in a single-image kernel (no isolation). uC/OS-II.' },
    'Task-switch time against the number of APPs',
    values,
    {
      width: 420,
      height: 260,
      encoding: { color: { field: 'target', type: 'nominal', title: 'target' } },
      layer: [
        { mark: { type: 'line', point: true }, encoding: { x: { field: 'apps', type: 'quantitative', title: 'APPs', axis: WHOLE, scale: { domain: [1, 8] } }, y: { field: 'switchMeanUs', type: 'quantitative', title: 'switch time (us)' } } },
        { mark: { type: 'line', strokeDash: [6, 3] }, encoding: { x: { field: 'apps', type: 'quantitative' }, y: { field: 'switchMaxUs', type: 'quantitative' } } },
        { data: { values: single }, mark: { type: 'rule', strokeDash: [2, 2] }, encoding: { y: { field: 'switchMeanUs', type: 'quantitative' } } },
      ],
    },
  );
}

function launchFigure(rows: readonly Row[]): Figure {
  return figure(
    { id: 'multiapp-launch', experiment: FIGURE_GROUP, title: 'APP launch latency', caption: `Launch latency from XIPFS against .data size, one line per count of GOT relocations, on ${TARGET}.` },
    'APP launch latency against .data size',
    onTarget(rows).map((r) => ({ ...r, dataKb: num(r.dataBytes) / 1024 })),
    {
      width: 420,
      height: 260,
      mark: { type: 'line', point: true },
      encoding: { x: { field: 'dataKb', type: 'quantitative', title: '.data (KB)' }, y: { field: 'launchUs', type: 'quantitative', title: 'launch latency (us)' }, color: { field: 'gotEntries', type: 'nominal', title: 'GOT entries' } },
    },
  );
}

function flashFigure(rows: readonly Row[]): Figure {
  const values = rows.flatMap((r) => [
    { geometry: r.geometry, apps: r.apps, kind: 'packed image', kb: num(r.packedBytes) / 1024 },
    { geometry: r.geometry, apps: r.apps, kind: 'XIPFS zones', kb: num(r.xipfsUsedBytes) / 1024 },
  ]);
  return figure(
    { id: 'multiapp-flash', experiment: FIGURE_GROUP, title: 'Flash used by XIPFS zones against a packed image', caption: 'Flash the installed APPs take in XIPFS zones of whole erase blocks, against the same images packed back to back, per erase geometry (m4, m4-f407: 128 KB sectors; page-4k: the patent\'s 4 KB block).' },
    'Flash used: XIPFS zones and a packed image',
    values,
    {
      width: 160,
      height: 220,
      mark: 'bar',
      encoding: {
        column: { field: 'geometry', type: 'nominal', title: 'erase geometry' },
        x: { field: 'apps', type: 'ordinal', title: 'APPs' },
        xOffset: { field: 'kind', type: 'nominal' },
        y: { field: 'kb', type: 'quantitative', title: 'flash (KB)' },
        color: { field: 'kind', type: 'nominal', title: 'layout' },
      },
    },
  );
}

function heapFigure(rows: readonly Row[]): Figure {
  return figure(
    { id: 'multiapp-heap', experiment: FIGURE_GROUP, title: 'APP heap fragmentation', caption: 'Highest fragmentation (1 - largest free block / free bytes) of an APP\'s TLSF heap under each allocation trace, mean over the seeds.' },
    'TLSF heap fragmentation against heap size',
    rows.map((r) => ({ ...r, heapKb: num(r.heapBytes) / 1024 })),
    {
      width: 360,
      height: 240,
      mark: 'bar',
      encoding: {
        x: { field: 'heapKb', type: 'ordinal', title: 'heap (KB)' },
        xOffset: { field: 'trace', type: 'nominal' },
        y: { field: 'maxFragmentation', aggregate: 'mean', type: 'quantitative', title: 'highest fragmentation' },
        color: { field: 'trace', type: 'nominal', title: 'trace' },
      },
    },
  );
}

function faultFigure(rows: readonly Row[]): Figure {
  // Times from the fault, in ms: the handler and the restart take microseconds, so they are drawn
  // as marks at their ends and the bar is the wait for the guardian's next check.
  const values = onTarget(rows).flatMap((r) => {
    const run = `seed ${r.seed}, ${r.faultedApp}`;
    return [
      { run, phase: 'handler done', fromMs: num(r.handledUs) / 1000, toMs: num(r.handledUs) / 1000 },
      { run, phase: 'guardian wait', fromMs: num(r.handledUs) / 1000, toMs: num(r.detectionUs) / 1000 },
      { run, phase: 'restart done', fromMs: num(r.recoveredUs) / 1000, toMs: num(r.recoveredUs) / 1000 },
    ];
  });
  const x = { field: 'fromMs', type: 'quantitative', title: 'time after the illegal access (ms)' };
  return figure(
    { id: 'multiapp-faults', experiment: FIGURE_GROUP, title: 'Fault-recovery timeline', caption: `Each seeded fault on ${TARGET}, from the illegal access: the MemManage handler is done within microseconds (left mark), the guardian's next check finds the fault (end of the bar, up to one guardian period later), the restart from XIPFS is done tens of microseconds after (right mark).` },
    'Fault recovery, one row per seeded fault',
    values,
    {
      width: 480,
      height: 220,
      encoding: { y: { field: 'run', type: 'nominal', title: null }, color: { field: 'phase', type: 'nominal', title: 'phase', sort: ['handler done', 'guardian wait', 'restart done'] } },
      layer: [
        { transform: [{ filter: "datum.phase === 'guardian wait'" }], mark: { type: 'bar', height: 8 }, encoding: { x, x2: { field: 'toMs' } } },
        { transform: [{ filter: "datum.phase !== 'guardian wait'" }], mark: { type: 'tick', thickness: 3, size: 14 }, encoding: { x } },
      ],
    },
  );
}

/** One row per profile on the M4: fig1 and fig2 at eight tasks, table2's code and RAM, the Q/GDW indicators. */
function kernelRows(results: ResultsSet): Row[] {
  const at = (id: string, profile: string, extra: (r: Row) => boolean = () => true): Row | undefined => onTarget(results.get(id)).find((r) => r.profile === profile && extra(r));
  const profiles = [...new Set(onTarget(results.get('table2')).map((r) => String(r.profile)))];
  return profiles
    .filter((p) => paperProfileIds().includes(p) || (TODAYS_KERNELS as readonly string[]).includes(p))
    .map((p) => {
      const indicator = (name: string): number | null => {
        const v = at('indicators', p, (r) => r.indicator === name)?.valueUs;
        return typeof v === 'number' ? v : null;
      };
      return {
        profile: profileName(p),
        maxIrqOffUs: at('fig1', p, (r) => r.tasks === COMPARED_TASKS)?.maxIrqOffUs ?? null,
        switchMeanUs: at('fig2', p, (r) => r.tasks === COMPARED_TASKS)?.switchMeanUs ?? null,
        codeBytes: at('table2', p)?.codeBytes ?? null,
        ramBytes: at('table2', p)?.ramBytes ?? null,
        taskSwitchingUs: indicator('qgdw-task-switching'),
        channelUs: indicator('qgdw-channel-communication'),
        semaphoreUs: indicator('qgdw-semaphore-shuffling'),
        signalUs: indicator('qgdw-signal-reception'),
      };
    });
}

function kernelFigure(rows: readonly Row[]): Figure {
  const values = rows.map((r) => ({ ...r, profileName: r.profile }));
  return figure(
    { id: 'multiapp-kernels', experiment: FIGURE_GROUP, title: 'Today\'s meter kernels beside the paper\'s five on the M4', caption: `Task-switch time with ${COMPARED_TASKS} running tasks (fig2) per kernel on ${TARGET}.` },
    `Task-switch time, ${COMPARED_TASKS} tasks, ${TARGET}`,
    values,
    { width: 420, height: 240, mark: 'bar', encoding: { x: { field: 'profileName', type: 'nominal', title: 'OS profile', sort: profileOrder() }, y: { field: 'switchMeanUs', type: 'quantitative', title: 'switch time (us)' }, color: profileColor(values) } },
  );
}

/** The section's charts, from whichever of its experiments have rows. */
export function multiappFigures(results: ResultsSet): Figure[] {
  const out: Figure[] = [];
  const has = (id: string): readonly Row[] | undefined => ((results.get(id)?.length ?? 0) > 0 ? results.get(id) : undefined);
  const iso = has('multiapp-isolation');
  if (iso !== undefined) out.push(isolationFigure(iso));
  const launch = has('multiapp-launch');
  if (launch !== undefined) out.push(launchFigure(launch));
  const flash = has('multiapp-flash');
  if (flash !== undefined) out.push(flashFigure(flash));
  const heap = has('multiapp-heap');
  if (heap !== undefined) out.push(heapFigure(heap));
  const faults = has('multiapp-faults');
  if (faults !== undefined) out.push(faultFigure(faults));
  const kernels = kernelRows(results);
  if (kernels.length > 0) out.push(kernelFigure(kernels));
  return out;
}

function isolationProse(rows: readonly Row[]): string {
  const single = onTarget(rows).find((r) => r.apps === 0);
  const lines = onTarget(rows)
    .filter((r) => num(r.apps) > 0)
    .map((r) => {
      const us = (c: number): number => (c * 1e6) / getTarget(TARGET).clockHz;
      return `${r.apps} APP${r.apps === 1 ? '' : 's'}: mean ${fixed(num(r.switchMeanUs), 3)} us, longest ${fixed(us(num(r.switchMaxCycles)), 3)} us`;
    });
  const isolated = onTarget(rows).find((r) => num(r.apps) > 0);
  return `On ${TARGET}, a task switch in the single-image kernel takes ${fixed(num(single?.switchMeanUs), 3)} us; with the tasks in isolated APPs, ${lines.join('; ')}. A switch into another APP loads its MPU regions (${isolated?.mpuLoadCycles ?? 'n/a'} cycles) and every kernel call from an APP passes the SVC gate (${isolated?.svcGateCycles ?? 'n/a'} cycles).`;
}

function launchProse(rows: readonly Row[]): string {
  const m4 = onTarget(rows);
  const smallest = m4.reduce<Row | undefined>((a, r) => (a === undefined || num(r.launchUs) < num(a.launchUs) ? r : a), undefined);
  const largest = m4.reduce<Row | undefined>((a, r) => (a === undefined || num(r.launchUs) > num(a.launchUs) ? r : a), undefined);
  if (smallest === undefined || largest === undefined) return '';
  return `Launching an APP takes ${fixed(num(smallest.launchUs))} us (${num(smallest.dataBytes) / 1024} KB .data, ${smallest.gotEntries} relocations) to ${fixed(num(largest.launchUs))} us (${num(largest.dataBytes) / 1024} KB, ${largest.gotEntries}) on ${TARGET}; the keep-alive restart of the same APPs takes ${fixed(num(smallest.restartUs))} to ${fixed(num(largest.restartUs))} us.`;
}

function flashProse(rows: readonly Row[]): string {
  const most = Math.max(...rows.map((r) => num(r.apps)));
  const parts = rows
    .filter((r) => r.apps === most)
    .map((r) => `${r.geometry} (${num(r.eraseBlockBytes) / 1024} KB blocks): ${fixed(num(r.xipfsUsedBytes) / 1024, 0)} KB, ${fixed((100 * num(r.xipfsWastedBytes)) / num(r.xipfsUsedBytes), 0)}% of it wasted`);
  const packed = rows.find((r) => r.apps === most)?.packedBytes;
  return `${most} APPs packed back to back take ${fixed(num(packed) / 1024, 0)} KB; in XIPFS zones, ${parts.join('; ')}.`;
}

function heapProse(rows: readonly Row[]): string {
  const worst = Math.max(...rows.map((r) => num(r.maxFragmentation)));
  const failed = rows.reduce((s, r) => s + num(r.failedMallocs), 0);
  const mallocs = rows.reduce((s, r) => s + num(r.mallocs), 0);
  const bound = rows.every((r) => num(r.maxMallocCycles) <= num(r.worstMallocCycles) && num(r.maxFreeCycles) <= num(r.worstFreeCycles));
  return `Under the seeded traces an APP heap fragments to at most ${fixed(worst)}; ${failed} of ${mallocs} requests failed; ${bound ? 'every malloc and free stayed within' : 'some malloc or free exceeded'} TLSF's constant worst case (${rows[0]?.worstMallocCycles} and ${rows[0]?.worstFreeCycles} cycles on ${rows[0]?.target}).`;
}

function faultProse(rows: readonly Row[]): string {
  const m4 = onTarget(rows);
  if (m4.length === 0) return '';
  const detection = m4.map((r) => num(r.detectionUs));
  const within = m4.every((r) => r.othersWithinBound === true);
  const worstRise = Math.max(...m4.map((r) => num(r.othersWorstUs) - num(r.othersWorstNoFaultUs)));
  const lost = m4.map((r) => num(r.faultedLostJobs));
  const suspended = m4.every((r) => num(r.faultedRunsInFault) === 0);
  const suspension = `The kernel suspends the faulted APP: its tasks ${suspended ? 'get the CPU at no instant' : 'still get the CPU'} from the fault to the restart's end, and ${lost.reduce((a, b) => a + b, 0)} of their jobs are lost (${Math.min(...lost) === Math.max(...lost) ? Math.min(...lost) : `${Math.min(...lost)} to ${Math.max(...lost)}`} per fault: those open at the fault or released before the restart ends; the relaunched tasks start with their next release). The other APPs' jobs released during the fault respond within ${fixed(Math.max(...m4.map((r) => num(r.othersWorstInFaultUs))))} us.`;
  return `${suspension} Over ${m4.length} seeded faults on ${TARGET}, the handler is done ${fixed(Math.max(...m4.map((r) => num(r.handledUs))), 3)} us after the illegal access; the guardian finds the fault ${fixed(Math.min(...detection) / 1000)} to ${fixed(Math.max(...detection) / 1000)} ms after it (mean ${fixed(mean(detection) / 1000)} ms: the wait for its next check dominates); the restart takes ${fixed(Math.max(...m4.map((r) => num(r.restartUs))))} us. The other APPs' worst response rises by at most ${fixed(worstRise)} us and ${within ? 'stays within' : 'exceeds'} their analysed bounds in every run (smallest slack ${fixed(Math.min(...m4.map((r) => num(r.othersMinSlackUs))))} us).`;
}

function indicatorsProse(rows: readonly Row[]): string {
  const m4 = onTarget(rows).filter((r) => r.indicator === 'qgdw-task-switching');
  const v = (p: string, iso: boolean): number => num(m4.find((r) => r.profile === p && r.isolated === iso)?.valueUs);
  // A kernel that refuses APP tasks (MOS) has no isolated value and is left out.
  const measured = [...new Set(m4.map((r) => String(r.profile)))].filter((p) => Number.isFinite(v(p, false)) && Number.isFinite(v(p, true)));
  const pairs = measured.map((p) => `${profileName(p)} ${fixed(v(p, false), 3)} / ${fixed(v(p, true), 3)} us`);
  return pairs.length === 0 ? '' : `The Q/GDW task-switching indicator on ${TARGET} without / with isolation: ${pairs.join('; ')}.`;
}

/** `## Multi-APP meters`, or nothing when none of its experiments has run. */
export function multiappSection(results: ResultsSet, figures: readonly Figure[]): string {
  const present = SECTION_EXPERIMENTS.filter((id) => (results.get(id)?.length ?? 0) > 0);
  const kernels = kernelRows(results);
  if (present.length === 0 && kernels.length === 0) return '';
  const missing = SECTION_EXPERIMENTS.filter((id) => !present.includes(id));
  const image = (id: string): string => {
    const f = figures.find((x) => x.id === id);
    return f === undefined ? '' : `![${f.caption}](figures/${f.id}.png)\n\n*${f.caption}* ([SVG](figures/${f.id}.svg))`;
  };
  const prose = (id: string, write: (rows: readonly Row[]) => string): string => {
    const rows = results.get(id);
    return rows === undefined || rows.length === 0 ? '' : write(rows);
  };
  const todays = kernels.filter((r) => TODAYS_KERNELS.some((k) => profileName(k) === r.profile)).map((r) => `${r.profile}: switch ${fixed(num(r.switchMeanUs), 3)} us, interrupts off at most ${fixed(num(r.maxIrqOffUs), 3)} us, ${r.codeBytes ?? 'n/a'} B of code`);
  return `## Multi-APP meters

State Grid's newer meters run several vendors' APPs on one Cortex-M4 (the multi-APP patent: APPs
installed into XIPFS, launched into RAM zones, isolated by the MPU, calling the kernel through SVC,
kept alive by a guardian). What that isolation costs, in the same cycles as everything else
(\`multiapp/README.md\` lists the modules).

**Assumptions.** The GD32F450's flash program and erase times are assumed equal to the STM32F407's
datasheet figures until read from its own datasheet. The patent's 4 KB blocks appear only as a
page-erase geometry (\`page-4k\`): neither M4 part erases 4 KB pages in its APP region, so its erase
time has no figure. The SVC gate is charged at the call: every kernel service an APP's task calls
(its job-end delay, a mutex lock or unlock) carries the exception entry, dispatch and return. A
faulted APP's tasks keep their jobs in the fault simulation, so the other APPs see more load than
in a real fault. APP sizes are an assumed small vendor APP (\`multiapp/fixtures.ts\`).

${missing.length > 0 ? `Not yet measured: ${missing.map((id) => `\`${id}\``).join(', ')}.\n\n` : ''}### Isolation cost against APP count

${prose('multiapp-isolation', isolationProse)} ${prose('multiapp-indicators', indicatorsProse)}

${image('multiapp-isolation')}

### Launch latency

${prose('multiapp-launch', launchProse)}

${image('multiapp-launch')}

### Flash use

${prose('multiapp-flash', flashProse)}

${image('multiapp-flash')}

### Heap fragmentation

${prose('multiapp-heap', heapProse)}

${image('multiapp-heap')}

### Fault recovery

${prose('multiapp-faults', faultProse)}

${image('multiapp-faults')}

### Today's meter kernels beside the paper's five on the M4

${todays.length > 0 ? `${todays.join('; ')}.` : 'LiteOS-M and FreeRTOS have no rows on the M4 yet.'} From \`fig1\` and \`fig2\` at ${COMPARED_TASKS} tasks, \`table2\` and \`indicators\`:

${kernels.length > 0 ? markdownTable(kernels) : ''}

${image('multiapp-kernels')}`;
}
