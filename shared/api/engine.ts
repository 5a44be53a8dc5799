import { noInput } from './common';
import type { EngineInfo, EngineStatus } from '../dto';

export const engineInvokeSchemas = {
  'engine:info': noInput,
  /** The current status; later changes arrive as `engine:status` pushes. */
  'engine:status': noInput,
};

export interface EngineInvokeResults {
  'engine:info': EngineInfo;
  'engine:status': EngineStatus;
}
