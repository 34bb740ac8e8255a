/*
 * JobLost (task, arrival) reports a job that will never end: the one open when its APP was
 * suspended (released, so a reducer tracking open jobs holds it) or one due while the APP was
 * suspended (never released, so no reducer holds it). A lost job is neither completed nor missed.
 */

/** Removes the open job of `arrival` that a JobLost reports from `open` (arrivals, oldest first); whether it was open. */
export function closeLostJob(open: number[] | undefined, arrival: number): boolean {
  const at = open === undefined ? -1 : open.indexOf(arrival);
  if (at < 0) return false;
  open?.splice(at, 1);
  return true;
}
