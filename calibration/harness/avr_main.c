/*
 * The timing harness: Timer1 counts CPU cycles (normal mode, clk/1); each path is called through a
 * function pointer between two reads of TCNT1 (low byte first: reading it latches the high byte),
 * and the same measurement of an empty function is subtracted, so a figure is the path's own
 * cycles without the caller's call and its own RET. The state is rebuilt before every call and the
 * result checked. Lines "path,k,cycles" go out on USART0; the run ends by sleeping with
 * interrupts masked, which ends the simulation.
 */
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/interrupt.h>
#include "../c/os.h"

typedef void (*cal_fn)(uint16_t a, uint16_t b, uint16_t c);

extern OS_TCB *OSRdyList;
extern OS_TCB *OSEdfList;
extern OS_TCB *OSDeltaList;
extern uint8_t ready_count;
extern uint8_t task_ready_tab[];
void OS_RdyListInsert(OS_TCB *ptcb);
void OS_RdyListRemove(OS_TCB *ptcb);
void OS_RdyListPick(void);
void OS_EdfListInsert(OS_TCB *ptcb);
uint8_t rdytab_insert(uint8_t itd, uint8_t prio);
uint8_t rdytab_remove(uint8_t itd);
void OS_DeltaInsert(OS_TCB *ptcb, uint16_t ticks);
void OS_DeltaTick(void);
void OSTimeTick(void);
void rq_pick(void);
void rq_append(OS_TCB *ptcb);
extern RdyQueue ready_queue[];
void OSSemPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr);
uint8_t OSSemPost(OS_EVENT *pevent);
void OSMutexPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr);
uint8_t OSMutexPost(OS_EVENT *pevent);
uint8_t OSQPost(OS_EVENT *pevent, void *pmsg);
void *OSQPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr);
uint8_t OSMboxPost(OS_EVENT *pevent, void *pmsg);

#define MAX_K 8u
static OS_TCB tcbs[MAX_K + 2u];
static uint8_t failures;

/* Routines of known cost (AVR instruction set manual) that validate the method. */
__attribute__((naked, noinline)) void cal_empty(void) { __asm__ __volatile__("ret"); }
__attribute__((naked, noinline)) void cal_nops10(void) { __asm__ __volatile__("nop\n nop\n nop\n nop\n nop\n nop\n nop\n nop\n nop\n nop\n ret"); }
__attribute__((naked, noinline)) void cal_lds_sts(void) { __asm__ __volatile__("lds r24, OSTime\n sts OSTime, r24\n ret"); }
__attribute__((naked, noinline)) void cal_call_ret(void) { __asm__ __volatile__("call cal_empty\n ret"); }
__attribute__((naked, noinline)) void cal_branch_taken(void) { __asm__ __volatile__("clr r24\n cpi r24, 0\n breq 1f\n1: ret"); }
__attribute__((naked, noinline)) void cal_branch_fall(void) { __asm__ __volatile__("clr r24\n cpi r24, 1\n breq 1f\n1: ret"); }

static void uart_init(void) {
  UBRR0H = 0;
  UBRR0L = 12; /* 38400 baud at 8 MHz; the simulator does not pace output */
  UCSR0B = _BV(TXEN0);
}

static void put(char c) {
  while (!(UCSR0A & _BV(UDRE0))) {
  }
  UDR0 = (uint8_t)c;
}

static void puts_(const char *s) {
  while (*s != '\0') put(*s++);
}

static void put_u16(uint16_t v) {
  char buf[6];
  uint8_t i = 0;
  do {
    buf[i++] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v != 0u);
  while (i > 0u) put(buf[--i]);
}

static __attribute__((noinline)) uint16_t measure(cal_fn fn, uint16_t a, uint16_t b, uint16_t c) {
  uint8_t l0 = TCNT1L;
  uint8_t h0 = TCNT1H;
  fn(a, b, c);
  uint8_t l1 = TCNT1L;
  uint8_t h1 = TCNT1H;
  return (uint16_t)(((uint16_t)h1 << 8 | l1) - ((uint16_t)h0 << 8 | l0));
}

static uint16_t baseline;

static uint16_t timed3(void (*fn)(void), uint16_t a, uint16_t b, uint16_t c) {
  return (uint16_t)(measure((cal_fn)fn, a, b, c) - baseline);
}

static uint16_t timed(void (*fn)(void), uint16_t a, uint16_t b) {
  return timed3(fn, a, b, 0);
}

static void report(const char *path, uint8_t k, uint16_t cycles) {
  puts_(path);
  put(',');
  put_u16(k);
  put(',');
  put_u16(cycles);
  put('\n');
}

static void check(const char *path, uint8_t k, uint8_t ok) {
  if (!ok) {
    failures++;
    puts_("ERR,");
    puts_(path);
    put(',');
    put_u16(k);
    put('\n');
  }
}

static void clear_tcbs(void) {
  for (uint8_t i = 0; i < MAX_K + 2u; i++) {
    OS_TCB *t = &tcbs[i];
    uint8_t *p = (uint8_t *)t;
    for (uint8_t j = 0; j < sizeof(OS_TCB); j++) p[j] = 0;
  }
}

/* Task i at priority `prio`, with uC/OS-II's precomputed bit fields. */
static OS_TCB *task(uint8_t i, uint8_t prio) {
  OS_TCB *t = &tcbs[i];
  t->OSTCBPrio = prio;
  t->OSTCBY = prio >> 3;
  t->OSTCBX = prio & 7u;
  t->OSTCBBitY = (uint8_t)(1u << t->OSTCBY);
  t->OSTCBBitX = (uint8_t)(1u << t->OSTCBX);
  OSTCBPrioTbl[prio] = t;
  return t;
}

static void ready_table_with(uint8_t k) {
  OSRdyGrp = 0;
  for (uint8_t y = 0; y < OS_EVENT_TBL_SIZE; y++) OSRdyTbl[y] = 0;
  for (uint8_t i = 0; i < k; i++) OS_MakeReady(task(i, (uint8_t)(5u + 3u * i)));
}

static void time_table_driven(uint8_t k) {
  clear_tcbs();
  ready_table_with(k);
  uint16_t c = timed(OS_SchedNew, 0, 0);
  check("table-driven/pick-next", k, OSTCBHighRdy == &tcbs[0]);
  report("table-driven/pick-next", k, c);

  clear_tcbs();
  ready_table_with(k);
  OS_TCB *t = task(MAX_K, 60);
  c = timed((void (*)(void))OS_MakeReady, (uint16_t)t, 0);
  check("table-driven/make-ready", k, (OSRdyTbl[7] & 0x10u) != 0u);
  report("table-driven/make-ready", k, c);

  clear_tcbs();
  ready_table_with(k);
  t = task(MAX_K, 60);
  OS_MakeReady(t);
  c = timed((void (*)(void))OS_MakeUnready, (uint16_t)t, 0);
  check("table-driven/make-unready", k, (OSRdyGrp & 0x80u) == 0u);
  report("table-driven/make-unready", k, c);
}

static void time_sorted_lists(uint8_t k) {
  /* k tasks in the list; the newcomer sorts in behind all of them (the longest walk). */
  clear_tcbs();
  OSRdyList = NULL;
  for (uint8_t i = 0; i < k; i++) OS_RdyListInsert(task(i, (uint8_t)(5u + i)));
  OS_TCB *t = task(MAX_K, 60);
  uint16_t c = timed((void (*)(void))OS_RdyListInsert, (uint16_t)t, 0);
  OS_TCB *last = OSRdyList;
  while (last->OSTCBRdyNext != NULL) last = last->OSTCBRdyNext;
  check("sorted-list/insert", k, last == t);
  report("sorted-list/insert", k, c);

  c = timed((void (*)(void))OS_RdyListRemove, (uint16_t)t, 0);
  last = OSRdyList;
  while (last != NULL && last->OSTCBRdyNext != NULL) last = last->OSTCBRdyNext;
  check("sorted-list/remove", k, last != t);
  report("sorted-list/remove", k, c);

  c = timed(OS_RdyListPick, 0, 0);
  check("sorted-list/pick-next", k, OSTCBHighRdy == OSRdyList);
  report("sorted-list/pick-next", k, c);

  clear_tcbs();
  OSEdfList = NULL;
  for (uint8_t i = 0; i < k; i++) {
    OS_TCB *e = task(i, (uint8_t)(5u + i));
    e->OSTCBDeadline = 100000uL + i;
    OS_EdfListInsert(e);
  }
  t = task(MAX_K, 60);
  t->OSTCBDeadline = 200000uL;
  c = timed((void (*)(void))OS_EdfListInsert, (uint16_t)t, 0);
  last = OSEdfList;
  while (last->OSTCBRdyNext != NULL) last = last->OSTCBRdyNext;
  check("edf/insert", k, last == t);
  report("edf/insert", k, c);
}

static void time_round_robin(uint8_t k) {
  /* The highest ready task at priority k: the pick scans k empty queues first. */
  clear_tcbs();
  for (uint8_t i = 0; i <= OS_LOWEST_PRIO; i++) ready_queue[i].head = ready_queue[i].tail = NULL;
  OS_TCB *t = task(0, k);
  rq_append(task(1, OS_LOWEST_PRIO));
  uint16_t c = timed((void (*)(void))rq_append, (uint16_t)t, 0);
  check("round-robin/append", k, ready_queue[k].head == t);
  report("round-robin/append", k, c);
  c = timed(rq_pick, 0, 0);
  check("round-robin/pick-next", k, OSTCBHighRdy == t);
  report("round-robin/pick-next", k, c);
}

static void time_array_table(uint8_t k) {
  /* k entries; the newcomer has the highest priority, so every entry shifts (the worst insert). */
  ready_count = 0;
  for (uint8_t i = 0; i < k; i++) rdytab_insert((uint8_t)(i + 1u), (uint8_t)(10u + i));
  uint16_t c = timed((void (*)(void))rdytab_insert, 99, 1);
  check("sorted-list/array-insert", k, task_ready_tab[0] == 99 && ready_count == (uint8_t)(k + 1u));
  report("sorted-list/array-insert", k, c);
}

static void time_delta_list(uint8_t k) {
  /* k sleepers, none expiring at this tick; then a newcomer that sorts in behind all of them. */
  clear_tcbs();
  OSDeltaList = NULL;
  for (uint8_t i = 0; i < k; i++) OS_DeltaInsert(task(i, (uint8_t)(5u + i)), (uint16_t)(10u + 5u * i));
  uint16_t c = timed(OS_DeltaTick, 0, 0);
  check("delta-list/tick", k, k == 0u || OSDeltaList->OSTCBDly == 9u);
  report("delta-list/tick", k, c);

  OS_TCB *t = task(MAX_K, 60);
  c = timed((void (*)(void))OS_DeltaInsert, (uint16_t)t, 1000);
  OS_TCB *last = OSDeltaList;
  while (last->OSTCBTmrNext != NULL) last = last->OSTCBTmrNext;
  check("delta-list/insert", k, last == t);
  report("delta-list/insert", k, c);
}

static void time_tick_scan(uint8_t k) {
  /* k delayed tasks (none expiring) ahead of the idle task on OSTCBList. */
  clear_tcbs();
  OS_TCB *idle = task(MAX_K + 1u, OS_TASK_IDLE_PRIO);
  OSTCBList = idle;
  for (uint8_t i = k; i > 0u; i--) {
    OS_TCB *t = task((uint8_t)(i - 1u), (uint8_t)(5u + i));
    t->OSTCBDly = 100;
    t->OSTCBNext = OSTCBList;
    OSTCBList = t;
  }
  uint16_t c = timed(OSTimeTick, 0, 0);
  check("tick-scan/tick", k, k == 0u || tcbs[0].OSTCBDly == 99u);
  report("tick-scan/tick", k, c);
}

static void time_context_switch(uint8_t k) {
  /* A switch to the same TCB costs what a switch to another costs, and returns here. */
  clear_tcbs();
  OSTCBCur = &tcbs[0];
  OSTCBHighRdy = &tcbs[0];
  OSPrioCur = 1;
  OSPrioHighRdy = 2;
  uint16_t c = timed(OS_TaskSwitch, 0, 0);
  check("context-switch", k, OSPrioCur == 2u);
  report("context-switch", k, c);
}

static OS_EVENT event;
static OS_Q queue;
static void *ring[8];
static uint8_t err;

static void event_of(uint8_t type) {
  uint8_t *p = (uint8_t *)&event;
  for (uint8_t j = 0; j < sizeof event; j++) p[j] = 0;
  event.OSEventType = type;
}

/* The Table 1 services on their one-block paths: no waiter, a unit or message or slot available. */
static void time_services(void) {
  static const char *const sp = "service/sem-pend", *const sq = "service/sem-post", *const mp = "service/mutex-pend",
      *const mq = "service/mutex-post", *const qp = "service/queue-post", *const qg = "service/queue-pend", *const bp = "service/mailbox-post";
  clear_tcbs();
  OSTCBCur = task(0, 10);
  OSIntNesting = 0;
  OSLockNesting = 0;

  event_of(OS_EVENT_TYPE_SEM);
  event.OSEventCnt = 1;
  report(sp, 1, timed3((void (*)(void))OSSemPend, (uint16_t)&event, 0, (uint16_t)&err));
  check(sp, 1, err == OS_ERR_NONE && event.OSEventCnt == 0u);
  report(sq, 1, timed((void (*)(void))OSSemPost, (uint16_t)&event, 0));
  check(sq, 1, event.OSEventCnt == 1u);

  event_of(OS_EVENT_TYPE_MUTEX);
  event.OSEventCnt = (uint16_t)(5u << 8) | 0xFFu;
  report(mp, 1, timed3((void (*)(void))OSMutexPend, (uint16_t)&event, 0, (uint16_t)&err));
  check(mp, 1, err == OS_ERR_NONE && event.OSEventPtr == OSTCBCur);
  report(mq, 1, timed((void (*)(void))OSMutexPost, (uint16_t)&event, 0));
  check(mq, 1, event.OSEventPtr == NULL);

  event_of(OS_EVENT_TYPE_Q);
  queue.OSQStart = ring;
  queue.OSQEnd = ring + 8;
  queue.OSQIn = ring;
  queue.OSQOut = ring;
  queue.OSQSize = 8;
  queue.OSQEntries = 0;
  event.OSEventPtr = &queue;
  report(qp, 1, timed((void (*)(void))OSQPost, (uint16_t)&event, (uint16_t)&queue));
  check(qp, 1, queue.OSQEntries == 1u);
  report(qg, 1, timed3((void (*)(void))OSQPend, (uint16_t)&event, 0, (uint16_t)&err));
  check(qg, 1, err == OS_ERR_NONE && queue.OSQEntries == 0u);

  event_of(OS_EVENT_TYPE_MBOX);
  report(bp, 1, timed((void (*)(void))OSMboxPost, (uint16_t)&event, (uint16_t)&queue));
  check(bp, 1, event.OSEventPtr == &queue);
}

int main(void) {
  static const uint8_t states[] = {0, 1, 2, 4, 8};
  cli();
  uart_init();
  TCCR1A = 0;
  TCCR1B = _BV(CS10);
  baseline = measure((cal_fn)cal_empty, 0, 0, 0);
  report("method/empty-raw", 0, baseline);
  report("method/nops10", 0, timed(cal_nops10, 0, 0));
  report("method/lds-sts", 0, timed(cal_lds_sts, 0, 0));
  report("method/call-ret", 0, timed(cal_call_ret, 0, 0));
  report("method/branch-taken", 0, timed(cal_branch_taken, 0, 0));
  report("method/branch-fall", 0, timed(cal_branch_fall, 0, 0));
  for (uint8_t s = 0; s < sizeof states; s++) {
    uint8_t k = states[s];
    if (k > 0u) {
      time_table_driven(k);
      time_sorted_lists(k);
      time_round_robin(k);
    }
    time_array_table(k);
    time_delta_list(k);
    time_tick_scan(k);
    if (k == 1u) time_context_switch(k);
  }
  time_services();
  puts_(failures == 0u ? "DONE\n" : "FAILED\n");
  set_sleep_mode(SLEEP_MODE_IDLE);
  sleep_enable();
  sleep_cpu();
  for (;;) {
  }
}
