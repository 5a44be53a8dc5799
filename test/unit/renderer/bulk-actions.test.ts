import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../shared/dto';
import { bulkActions } from '../../../renderer/src/features/containers/list/bulk-actions';

const container = (id: string, state: string): ContainerSummary =>
  ({ id, name: id, state, status: state, image: 'img', imageId: 'sha', command: '', createdMs: 0, ports: [], labels: {}, mounts: [] }) as unknown as ContainerSummary;
const table = (...rows: [string, string][]) => Object.fromEntries(rows.map(([id, state]) => [id, container(id, state)]));
const offer = (selected: string[], containers: Record<string, ContainerSummary>) =>
  bulkActions(selected, containers).map((b) => `${b.label} ${b.ids.length}`);

describe('bulk bar offers', () => {
  it('offers neither Start nor Unpause for a selection that is all running', () => {
    const containers = table(['a', 'running'], ['b', 'running'], ['c', 'running']);
    expect(offer(['a', 'b', 'c'], containers)).toEqual(['Stop 3', 'Restart 3', 'Pause 3', 'Kill 3']);
  });

  it('counts, per action, only the selected containers it applies to', () => {
    const containers = table(['a', 'running'], ['b', 'exited'], ['c', 'paused'], ['d', 'running']);
    expect(offer(['a', 'b', 'c'], containers)).toEqual(['Start 1', 'Stop 2', 'Restart 1', 'Pause 1', 'Unpause 1', 'Kill 2']);
    expect(bulkActions(['a', 'b', 'c'], containers).find((b) => b.action === 'stop')?.ids).toEqual(['a', 'c']);
  });

  it('offers nothing for a container being removed or one that is gone', () => {
    expect(offer(['a', 'gone'], table(['a', 'removing']))).toEqual([]);
  });
});
