import { SegmentKind } from './exec-context.ts';
import { ProbeEvent } from './probe.ts';

/*
 * Every probe event code and segment kind as a plain module constant, for the kernels' hot paths:
 * a constant imported by name is a direct binding, where `ProbeEvent.JobRelease` also reads a
 * property on every call. One list here instead of a hoisted copy at the top of each kernel file.
 */

export const EV_IRQ_RAISED = ProbeEvent.IrqRaised;
export const EV_IRQ_ENTERED = ProbeEvent.IrqEntered;
export const EV_IRQ_LEFT = ProbeEvent.IrqLeft;
export const EV_IRQ_OVERRUN = ProbeEvent.IrqOverrun;
export const EV_MASK_ON = ProbeEvent.MaskOn;
export const EV_MASK_OFF = ProbeEvent.MaskOff;
export const EV_SWITCH_OUT = ProbeEvent.SwitchOut;
export const EV_SWITCH_IN = ProbeEvent.SwitchIn;
export const EV_JOB_RELEASE = ProbeEvent.JobRelease;
export const EV_JOB_START = ProbeEvent.JobStart;
export const EV_JOB_END = ProbeEvent.JobEnd;
export const EV_IO_IN = ProbeEvent.IoIn;
export const EV_IO_OUT = ProbeEvent.IoOut;
export const EV_SEM_GIVE = ProbeEvent.SemGive;
export const EV_SEM_TAKE = ProbeEvent.SemTake;
export const EV_MSG_SEND = ProbeEvent.MsgSend;
export const EV_MSG_RECEIVE = ProbeEvent.MsgReceive;
export const EV_EVENT_SET = ProbeEvent.EventSet;
export const EV_EVENT_WAIT = ProbeEvent.EventWait;
export const EV_DEADLINE_MISS = ProbeEvent.DeadlineMiss;
export const EV_JOB_LOST = ProbeEvent.JobLost;

export const SEG_TASK = SegmentKind.Task;
export const SEG_KERNEL = SegmentKind.Kernel;
export const SEG_ISR = SegmentKind.Isr;
