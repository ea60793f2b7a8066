import type { Api } from '../api';
import type { CorridorMap } from '../map';
import type { CorridorNetwork } from '../network';
import type { Caller } from '../types';

/** What every page of the signed-in dashboard works with. */
export interface PageContext {
  api: Api;
  caller: Caller;
  network: CorridorNetwork;
  map: CorridorMap;
  panel: HTMLElement;
}
