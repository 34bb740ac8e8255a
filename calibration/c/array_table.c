/*
 * iDCX 128's task_ready_tab (paper 4.2): an array of (task descriptor, priority) entries sorted by
 * priority. Insert shifts every entry of lower priority down one slot while it scans from the back,
 * then stores the newcomer; remove finds the entry and shifts the rest up.
 */
#include "os.h"

#define RDYTAB_SIZE 16u

typedef struct {
  uint8_t itd;
  uint8_t prio;
} RdyTabEntry;

RdyTabEntry task_ready_tab[RDYTAB_SIZE];
uint8_t ready_count;

/* Insert (itd, prio) behind every entry of equal or higher priority; 0 when the table is full. */
uint8_t rdytab_insert(uint8_t itd, uint8_t prio) {
  uint8_t i = ready_count;
  if (i >= RDYTAB_SIZE) {
    return 0u;
  }
  while (i > 0u && task_ready_tab[i - 1u].prio > prio) {
    task_ready_tab[i] = task_ready_tab[i - 1u];
    i--;
  }
  task_ready_tab[i].itd = itd;
  task_ready_tab[i].prio = prio;
  ready_count++;
  return 1u;
}

/* Remove the entry of `itd`; 0 when it is not in the table. */
uint8_t rdytab_remove(uint8_t itd) {
  uint8_t n = ready_count;
  uint8_t i = 0u;
  while (i < n && task_ready_tab[i].itd != itd) {
    i++;
  }
  if (i == n) {
    return 0u;
  }
  n--;
  while (i < n) {
    task_ready_tab[i] = task_ready_tab[i + 1u];
    i++;
  }
  ready_count = n;
  return 1u;
}

/* The next task is entry 0. */
uint8_t rdytab_pick(void) {
  if (ready_count != 0u) {
    return task_ready_tab[0].itd;
  }
  return 0xFFu;
}
