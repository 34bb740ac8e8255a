import { freertos } from './freertos.ts';
import { idcx } from './idcx.ts';
import { liteosM } from './liteos-m.ts';
import { ucos2 } from './ucos2.ts';
import { ukernel } from './ukernel.ts';
import { webit } from './webit.ts';
import { worix } from './worix.ts';

export { freertos, idcx, liteosM, ucos2, ukernel, webit, worix };
