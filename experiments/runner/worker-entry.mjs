// A worker thread starts without the parent's TypeScript loader; register tsx here, then load the
// TypeScript worker. Piscina calls the default export.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
