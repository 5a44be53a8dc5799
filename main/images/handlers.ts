import type { Services } from '../api/services';
import type { DomainHandlers } from '../api/domain-handlers';
import { buildImage } from './build-service';
import { asTask } from '../lib/event-bus';

export function imageHandlers(s: Services) {
  return {
    invoke: {
      'images:list': () => s.images.list(),
      'images:inspect': ({ id }) => s.images.inspect(id),
      'images:remove': ({ id, force }) => s.images.remove(id, force),
      'images:tag': ({ source, target }) => s.registry.tag(source, target),
      'images:history': ({ id }) => s.registry.history(id),
    },
    streams: {
      'images:build': async (params, emit, { signal }) => {
        await asTask(s.events, 'Building an image…', () => buildImage(s.connection, params, emit, signal));
      },
      'images:pull': async ({ reference }, emit, { signal }) => {
        await asTask(s.events, `Pulling ${reference}…`, () => s.registry.pull(reference, emit, signal));
      },
      'images:push': async ({ reference }, emit, { signal }) => {
        await asTask(s.events, `Pushing ${reference}…`, () => s.registry.push(reference, emit, signal));
      },
    },
  } satisfies DomainHandlers;
}
