/*
 * Task sets with known worst-case response times, in abstract integer time units, for the analysis
 * tests and for an ideal-mode (zero-overhead, tickless) simulation test that must reproduce them job
 * for job. Priority 0 is the most urgent; D defaults to T.
 *
 * Provenance is stated per set, honestly:
 * - `published`: the set and its WCRTs appear in the cited work; every number is also re-derived
 *   by hand in `derivation` and checked by the reference scheduler in textbook-sets.test.ts.
 * - `recalled`: a set known from the literature whose source text could not be consulted here; the
 *   numbers are derived by hand and by the reference scheduler, not copied.
 * - `constructed`: built here to show the effect the cited work analyses; derived by hand.
 * Not included, because its published text could not be found and checked here: the example of
 * Bril, Lukkien and Verhaegh 2009; a constructed set stands in for it, labelled as such. Published
 * numbers restated elsewhere (Spuri's RR-2772 and Audsley et al.'s 1993 case study) name where
 * they were read and count only because every number is derived again here.
 */

/** One task of a textbook set. */
export interface TextbookTask {
  readonly name: string;
  /** 0 is the most urgent (ignored under EDF). */
  readonly priority: number;
  readonly c: number;
  readonly t: number;
  /** Relative deadline; T when absent. */
  readonly d?: number;
  /** Length of the final non-preemptive region (C - TH); 0 when absent. */
  readonly finalRegion?: number;
  /** Preemption threshold (a priority at or above `priority`); `priority` when absent. */
  readonly threshold?: number;
  /** Release jitter; 0 when absent. */
  readonly jitter?: number;
  /** Longest critical section per mutex (immediate priority ceiling unless the set names the mutex under inheritance). */
  readonly criticalSections?: Readonly<Record<string, number>>;
}

/** A task set, its scheduling policy, its WCRTs and where they come from. */
export interface TextbookSet {
  readonly id: string;
  readonly policy: 'fp' | 'edf';
  readonly provenance: 'published' | 'recalled' | 'constructed';
  readonly citation: string;
  readonly tasks: readonly TextbookTask[];
  /** Worst-case response time per task name, measured from the arrival. */
  readonly wcrt: Readonly<Record<string, number>>;
  /**
   * Release offsets (one per task, in task order) of a strictly periodic schedule in which the task
   * named reaches its WCRT; absent when only jitter or blocking by a critical section can reach it.
   */
  readonly witnessOffsets?: Readonly<Record<string, readonly number[]>>;
  /**
   * The longest response a strictly periodic schedule reaches, per task, where it is below the WCRT
   * because the published WCRT needs a tie of absolute deadlines broken against the task: the
   * analysis counts ties against it (EDF's worst case over tie rules), while the reference scheduler
   * and kbench's kernel run the earlier release first. Absent: the WCRT itself is reached.
   */
  readonly periodicWorst?: Readonly<Record<string, number>>;
  /** Mutexes under priority inheritance (Sha, Rajkumar and Lehoczky 1990); every other mutex uses the immediate priority ceiling. */
  readonly inheritanceMutexes?: readonly string[];
  readonly derivation: string;
}

/** The sets (see the provenance note above). */
export const TEXTBOOK_SETS: readonly TextbookSet[] = [
  {
    id: 'burns-wellings-rta',
    policy: 'fp',
    provenance: 'published',
    citation: 'Burns and Wellings, Real-Time Systems and Programming Languages, 4th ed., Addison-Wesley 2009, scheduling chapter, response-time analysis example (Joseph and Pandya 1986; Audsley et al. 1993)',
    tasks: [
      { name: 'a', priority: 0, c: 3, t: 7 },
      { name: 'b', priority: 1, c: 3, t: 12 },
      { name: 'c', priority: 2, c: 5, t: 20 },
    ],
    wcrt: { a: 3, b: 6, c: 20 },
    witnessOffsets: { a: [0, 0, 0], b: [0, 0, 0], c: [0, 0, 0] },
    derivation: 'R_a = 3. R_b = 3 + ceil(6/7)3 = 6. R_c: 5 -> 11 -> 14 -> 17 -> 20 = 5 + ceil(20/7)3 + ceil(20/12)3 = 5 + 9 + 6.',
  },
  {
    id: 'tindell-arbitrary-deadlines',
    policy: 'fp',
    provenance: 'recalled',
    citation:
      "Tindell, Burns and Wellings, 'An extendible approach for analysing fixed priority hard real-time tasks', Real-Time Systems 6(2), 1994 (arbitrary deadlines, several jobs in the busy period), in the two-task form Burns and Wellings' textbook uses",
    tasks: [
      { name: 'a', priority: 0, c: 26, t: 70 },
      { name: 'b', priority: 1, c: 62, t: 100, d: 118 },
    ],
    wcrt: { a: 26, b: 118 },
    witnessOffsets: { a: [0, 0], b: [0, 0] },
    derivation:
      'Job q of b ends at w(q) = (q + 1)62 + ceil(w/70)26: w = 114, 202, 316, 404, 518, 606, 694, responses w - 100q = 114, 102, 116, 104, 118, 106, 94; w(6) = 694 <= 700 closes the busy period. The fifth job (q = 4) is the worst: 118 = D.',
  },
  {
    id: 'davis-can-non-preemptive',
    policy: 'fp',
    provenance: 'published',
    citation:
      "Davis, Burns, Bril and Lukkien, 'Controller Area Network (CAN) schedulability analysis: refuted, revisited and revised', Real-Time Systems 35(3), 2007, section 3: messages A, B, C of 1 ms with periods 2.5, 3.5, 3.5 ms; C's WCRT 3.5 ms in its second instance (the non-preemptive case Bril, Lukkien and Verhaegh 2009 generalise). Doubled here to integers.",
    tasks: [
      { name: 'A', priority: 0, c: 2, t: 5, finalRegion: 2 },
      { name: 'B', priority: 1, c: 2, t: 7, finalRegion: 2 },
      { name: 'C', priority: 2, c: 2, t: 7, finalRegion: 2 },
    ],
    wcrt: { A: 3, B: 5, C: 7 },
    witnessOffsets: { A: [0, 0, 0], B: [0, 0, 5], C: [0, 0, 0] },
    derivation:
      'C (published, 3.5 ms = 7): L = 14, job 0 starts at 4 and ends 6; job 1 starts at S = 2 + (floor(S/5)+1)2 + (floor(S/7)+1)2 = 12, ends 14, response 7. A and B are derived here in integer time (blocking C_j - 1 = 1): A = 1 + 2 = 3; B: S = 1 + (floor(S/5)+1)2 = 3, response 5.',
  },
  {
    id: 'deferred-preemption-second-job',
    policy: 'fp',
    provenance: 'constructed',
    citation: "Constructed to show the effect of Bril, Lukkien and Verhaegh, 'Worst-case response time analysis of real-time tasks under fixed-priority scheduling with deferred preemption', Real-Time Systems 42, 2009: with a final non-preemptive region the first job is not the worst",
    tasks: [
      { name: 'h', priority: 0, c: 2, t: 5 },
      { name: 'l', priority: 1, c: 4, t: 7, finalRegion: 2 },
    ],
    wcrt: { h: 3, l: 7 },
    witnessOffsets: { h: [0, 0], l: [0, 0] },
    derivation:
      'l: level-1 busy period L = ceil(L/5)2 + ceil(L/7)4 = 14, two jobs. Job 0: region starts at S = 2 + (floor(S/5)+1)2 = 4, ends 6 (response 6). Job 1: S = 4 + 2 + (floor(S/5)+1)2 = 12, ends 14, response 7. Schedule from 0: h 0-2, l 2-6, h 6-8, l 8-10, h 10-12 (released at 10, as l would enter its region: seen first), l 12-14. h: blocked by l\'s region less the unit run, 1: 1 + 2 = 3.',
  },
  {
    id: 'spuri-edf-response-times',
    policy: 'edf',
    provenance: 'published',
    citation:
      "Spuri, 'Analysis of deadline scheduled real-time systems', INRIA RR-2772, 1996, Table 1 (C, T, D and the EDF worst-case response times 2, 7, 4, 10), as restated with that citation in the unit test src/main/test/synercys/rts/scheduler/EdfSchedulerTest.java of github.com/synercys/RTS-Schedule-Simulator (commit 8d4f2da), which asserts those four WCRTs from 'Table 1 in Spuri's paper'; every number re-derived below",
    tasks: [
      { name: 't1', priority: 0, c: 1, t: 4, d: 4 },
      { name: 't2', priority: 1, c: 2, t: 6, d: 9 },
      { name: 't3', priority: 2, c: 2, t: 8, d: 6 },
      { name: 't4', priority: 3, c: 2, t: 16, d: 12 },
    ],
    wcrt: { t1: 2, t2: 7, t3: 4, t4: 10 },
    periodicWorst: { t4: 9 },
    witnessOffsets: { t1: [0, 0, 0, 0], t2: [0, 0, 0, 0], t3: [0, 0, 1, 0], t4: [0, 0, 0, 4] },
    derivation:
      'U = 23/24. Busy period L = ceil(L/4) + 2 ceil(L/6) + 2 ceil(L/8) + 2 ceil(L/16): 7 -> 10 -> 13 -> 16 -> 16. Spuri: for task i released at a (others at 0), ' +
      'L_i(a) = (1 + floor(a/T_i))C_i + sum_{j != i, D_j <= a + D_i} min(ceil(L/T_j), 1 + floor((a + D_i - D_j)/T_j))C_j, R_i = max over a of L_i(a) - a. ' +
      't1: a = 11 (deadline 15): 3 (t1 at 3, 7, 11) + 2*2 (t2 at 0, 6) + 2*2 (t3 at 0, 8) + 2 (t4) = 13, R = 2; a = 12 gives 14 - 12 = 2 without a tie. ' +
      't2: a = 7 (jobs at 1, 7; deadline 16): 4 + 4 (t1) + 4 (t3) + 2 (t4) = 14, R = 7; the synchronous schedule reaches it: t1 0-1, t3 1-3, t2 3-4, t1 4-5, t2 5-6, t4 6-8, t1 8-9, t3 9-11, t2 11-13, second job 6 -> 13. ' +
      "t3: a = 9 (deadline 15): 4 + 3 (t1) + 2*2 (t2 at 0, 6, deadline 15: a tie) + 2 (t4) = 13, R = 4; offsets [0, 0, 1, 0] reach it, t2's job of deadline 15 released before t3's (6 < 9) running first. " +
      "t4: a = 3 (deadline 15): 2 + 3 (t1 at 0, 4, 8) + 2*2 (t2 at 0 and 6, deadline 15: a tie) + 2*2 (t3 at 0, 8) = 13, R = 10. The 10 needs t2's job released at 6 to run before t4's released at 3 with the same deadline; " +
      'with the earlier release first (the reference scheduler, kbench) the longest is 9: offsets [0, 0, 0, 4], t4 (deadline 16) runs 11-13, before t1\'s job released at 12 with deadline 16.',
  },
  {
    id: 'edf-limited-preemption',
    policy: 'edf',
    provenance: 'constructed',
    citation: "Constructed for Spuri, 'Analysis of deadline scheduled real-time systems', INRIA RR-2772, 1996 (deadline busy period, arrival offsets), with a final non-preemptive region",
    tasks: [
      { name: 'x', priority: 0, c: 1, t: 5, d: 4 },
      { name: 'y', priority: 1, c: 2, t: 8, d: 7 },
      { name: 'z', priority: 2, c: 4, t: 10, finalRegion: 3 },
    ],
    wcrt: { x: 3, y: 5, z: 7 },
    witnessOffsets: { x: [0, 0, 0], y: [0, 0, 2], z: [0, 0, 0] },
    derivation:
      "Busy period L = 2 + ceil(L/5) + 2 ceil(L/8) + 4 ceil(L/10) = 20. x at a = 0: blocked by z's region less one unit (2), R = 2 + 1 = 3. y at a = 0: blocked 2, one job of x (deadline 4 <= 7): R = 2 + 2 + 1 = 5. z at a = 0: its region starts at s = 1 + 1 (x) + 2 (y) = 4 and ends 7; from 0: x 0-1, y 1-3, z 3-7.",
  },
  {
    id: 'jitter-and-blocking',
    policy: 'fp',
    provenance: 'constructed',
    citation: "Constructed for the equation of Audsley, Burns, Richardson, Tindell and Wellings, 'Applying new scheduling theory to static priority pre-emptive scheduling', Software Engineering Journal 8(5), 1993: R = C + B + sum ceil((R + J_j) / T_j) C_j, reported as R + J",
    tasks: [
      { name: 'a', priority: 0, c: 3, t: 10, jitter: 2, criticalSections: { S: 1 } },
      { name: 'b', priority: 1, c: 4, t: 15 },
      { name: 'c', priority: 2, c: 5, t: 30, jitter: 4, criticalSections: { S: 3 } },
    ],
    wcrt: { a: 8, b: 13, c: 19 },
    derivation:
      'Ceiling of S = 0, so c\'s section (3) blocks a and b. a: 3 + 3 = 6, + J 2 = 8. b: w = 4 + 3 + ceil((w + 2)/10)3: 7 -> 10 -> 13 -> 13. c: w = 5 + ceil((w + 2)/10)3 + ceil(w/15)4: 12 -> 15 -> 15, + J 4 = 19. Each busy period holds one job.',
  },
  {
    id: 'audsley-1993-avionics',
    policy: 'fp',
    provenance: 'published',
    citation:
      "Audsley, Burns, Richardson, Tindell and Wellings, 'Applying new scheduling theory to static priority pre-emptive scheduling', Software Engineering Journal 8(5), 1993: the 18-task avionics case study (C, T, D, blocking B, jitter J in us and the response times), " +
      'as restated in the unit test class AudsleyExample of tests/fp.py of github.com/brandenburg/schedcat (SchedCAT, commit 1e2fe47), which asserts response times R + J and names no paper beyond its class name (the set matches the case study: 18 tasks with B and J, a 51 us tick task every 1000 us); every R re-derived below. ' +
      'The paper gives each blocking factor B_i, not the critical sections behind it: the sections here are constructed so that the analysis finds exactly B_i (analysis/audsley-case-study.test.ts checks it); ' +
      "B_11 = 1050 cannot come from one ceiling section (the only task it could come from, tau12, runs 1000 us), so tau12's 600 us section on X is under inheritance and adds to tau15's 450 us ceiling section on Y",
    tasks: [
      { name: 'tau1', priority: 0, c: 51, t: 1000, d: 1000 },
      { name: 'tau2', priority: 1, c: 3000, t: 2000000, d: 5000, criticalSections: { G: 1 } },
      { name: 'tau3', priority: 2, c: 2000, t: 25000, d: 25000, criticalSections: { F: 1, G: 300 } },
      { name: 'tau4', priority: 3, c: 5000, t: 25000, d: 25000, criticalSections: { E: 1, F: 600 } },
      { name: 'tau5', priority: 4, c: 1000, t: 40000, d: 40000, criticalSections: { C: 1 } },
      { name: 'tau6', priority: 5, c: 3000, t: 50000, d: 50000, criticalSections: { E: 900 } },
      { name: 'tau7', priority: 6, c: 5000, t: 50000, d: 50000, criticalSections: { D: 1, C: 1350 } },
      { name: 'tau8', priority: 7, c: 8000, t: 59000, d: 59000 },
      { name: 'tau9', priority: 8, c: 9000, t: 80000, d: 80000, criticalSections: { M: 1, D: 750 } },
      { name: 'tau10', priority: 9, c: 2000, t: 80000, d: 80000, criticalSections: { Y: 1, M: 1350 } },
      { name: 'tau11', priority: 10, c: 5000, t: 100000, d: 100000, criticalSections: { X: 1 } },
      { name: 'tau12', priority: 11, c: 1000, t: 200000, d: 200000, jitter: 1000, criticalSections: { X: 600 } },
      { name: 'tau13', priority: 12, c: 3000, t: 200000, d: 200000 },
      { name: 'tau14', priority: 13, c: 1000, t: 200000, d: 200000 },
      { name: 'tau15', priority: 14, c: 1000, t: 200000, d: 200000, criticalSections: { A: 1, Y: 450 } },
      { name: 'tau16', priority: 15, c: 3000, t: 1000000, d: 1000000, criticalSections: { A: 1350 } },
      { name: 'tau17', priority: 16, c: 1000, t: 1000000, d: 1000000 },
      { name: 'tau18', priority: 17, c: 1000, t: 1000000, d: 1000000 },
    ],
    inheritanceMutexes: ['X'],
    // R + J: only tau12 has jitter (published R 99550).
    wcrt: {
      tau1: 51, tau2: 3504, tau3: 5906, tau4: 11512, tau5: 13064, tau6: 16217, tau7: 20821, tau8: 36637, tau9: 47798,
      tau10: 48949, tau11: 99150, tau12: 100550, tau13: 140641, tau14: 141692, tau15: 143694, tau16: 145446, tau17: 146497, tau18: 147548,
    },
    derivation:
      'Deadline-monotonic order (ties as listed). R_i = C_i + B_i + sum_{j < i} ceil((R_i + J_j)/T_j) C_j from C_i + B_i, with B = 0, 300, 600, 900, 1350, 1350, 750, 750, 1350, 450, 1050, 450, 450, 450, 1350, 0, 0, 0. ' +
      'tau2: 3300 -> 3300 + 4*51 = 3504. tau3: 2600 -> 5753 -> 5906. tau4: 5900 -> 11206 -> 11512. tau5: 2350 -> 12503 -> 13013 -> 13064. tau6: 4350 -> 15605 -> 16166 -> 16217. ' +
      'tau7: 5750 -> 20056 -> 20821. tau8: 8750 -> 28209 -> 36229 -> 36637. tau9: 10350 -> 37911 -> 46288 -> 47747 -> 47798. tau10: 2450 -> 38603 -> 47439 -> 48898 -> 48949. ' +
      'tau11 (B 1050): 6050 -> 44407 -> ... -> 99150 = 5000 + 1050 + 100*51 + 3000 + 4*2000 + 4*5000 + 3*1000 + 2*3000 + 2*5000 + 2*8000 + 2*9000 + 2*2000. ' +
      'tau18: 147548 = 1000 + 148*51 + 3000 + 6*2000 + 6*5000 + 4*1000 + 3*3000 + 3*5000 + 3*8000 + 2*9000 + 2*2000 + 2*5000 + 1000 (tau12: ceil((R + 1000)/200000) = 1) + 3000 + 1000 + 1000 + 3000 + 1000. ' +
      'Every one of the 18 fixed points equals the published R (the test derives them again). Blocking sections (ceiling of each mutex = its most urgent user): G (tau2) held 300 by tau3: B_2; F (tau3) 600 by tau4: B_3; E (tau4) 900 by tau6: B_4; C (tau5) 1350 by tau7: B_5, B_6; D (tau7) 750 by tau9: B_7, B_8; ' +
      'M (tau9) 1350 by tau10: B_9; Y (tau10) 450 by tau15: B_10 to B_14; X (tau11, inheritance) 600 by tau12: + 600 for B_11; A (tau15) 1350 by tau16: B_15.',
  },
];
