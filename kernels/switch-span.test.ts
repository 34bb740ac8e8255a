import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeEventType } from '../hardware/probe.ts';
import { SwitchSpanReducer } from './switch-span.ts';

describe('SwitchSpanReducer', () => {
  it('pairs each SwitchOut with the next SwitchIn whatever the subjects, and can leave out a task', () => {
    const all = new SwitchSpanReducer();
    const noIdle = new SwitchSpanReducer(9);
    // task 1 -> task 2 (10..40), task 2 -> idle 9 (100..130), idle 9 -> task 1 (200..205).
    const events: [number, number, number, number][] = [
      [ProbeEvent.SwitchOut, 10, 1, 2], [ProbeEvent.SwitchIn, 40, 2, 1],
      [ProbeEvent.SwitchOut, 100, 2, 9], [ProbeEvent.SwitchIn, 130, 9, 2],
      [ProbeEvent.SwitchOut, 200, 9, 1], [ProbeEvent.SwitchIn, 205, 1, 9],
    ];
    for (const [type, time, subject, data] of events) {
      all.onEvent(type as ProbeEventType, time, subject, data);
      noIdle.onEvent(type as ProbeEventType, time, subject, data);
    }
    expect([all.stat.count, all.stat.min, all.stat.max]).toEqual([3, 5, 30]);
    expect([noIdle.stat.count, noIdle.stat.min, noIdle.stat.max]).toEqual([1, 30, 30]);
  });
});
