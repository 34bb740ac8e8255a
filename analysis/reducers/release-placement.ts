import type { ReleaseQuantisation } from '../../system/model.ts';
import type { ReducerFactory } from './reducer.ts';

/** How the kernel placed periodic releases (on its tick, or exactly), as it reported at boot; null when it does not say. */
export function releasePlacement(): ReducerFactory<ReleaseQuantisation | null> {
  return () => ({ result: (end) => end.releaseQuantisation ?? null });
}
