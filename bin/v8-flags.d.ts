// Types of bin/v8-flags.js (plain JavaScript, as it runs before anything is compiled).

/** Flags for `v8.setFlagsFromString`, one string. */
export declare const KBENCH_V8_FLAGS: string;

/** Flags added for a command that fills every core with worker threads. */
export declare const KBENCH_POOL_V8_FLAGS: string;

/** Whether the command line (after `kbench`) runs a command that fills the cores with worker threads. */
export declare function fillsCoresWithWorkers(args: readonly string[]): boolean;
