import { idcx } from './idcx.ts';
import { ucos2 } from './ucos2.ts';
import { ukernel } from './ukernel.ts';
import { webit } from './webit.ts';
import { worix } from './worix.ts';

export { idcx, ucos2, ukernel, webit, worix };
