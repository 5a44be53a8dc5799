import type { EngineInfo } from '../../shared/dto';
import type { EngineConnection } from '../engine/connection';
import { toEngineInfo } from '../engine/mappers';

export async function engineInfo(connection: EngineConnection): Promise<EngineInfo> {
  const docker = connection.client();
  const [info, version] = await Promise.all([docker.info(), docker.version()]);
  const status = connection.status;
  const endpoint = status.endpoint || (docker.modem as { socketPath?: string }).socketPath || '';
  return toEngineInfo(info, version.ApiVersion, endpoint, status.source);
}
