import { describe, expect, it } from 'vitest';
import { EMPTY_ADVANCED, parseAdvanced, parseMemory, parseRunDialog } from '../../../renderer/src/features/images/run-advanced';
import { parseRunForm } from '../../../renderer/src/features/images/run-form';
import { runInput } from '../../../shared/api/containers';

const base = parseRunForm({ image: 'app', name: 'web', ports: [{ key: 1, hostPort: '8080', containerPort: '80', protocol: 'tcp' }], env: '', volumes: '', restartPolicy: 'no', command: '' });

describe('the Run dialog’s advanced options', () => {
  it('adds bind address, network, labels, --rm, limits, user and working directory to input the API accepts', () => {
    const advanced = parseAdvanced(
      { hostIp: '0.0.0.0', network: 'backend', labels: 'team=web\n\n# note\ntier=front=end', autoRemove: true, cpus: '1.5', memory: '512m', user: '1000:1000', workingDir: '/app' },
      'no',
    );
    const r = parseRunDialog(base, advanced);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0' }],
      network: 'backend',
      labels: { team: 'web', tier: 'front=end' },
      autoRemove: true,
      cpus: 1.5,
      memoryBytes: 512 * 1024 * 1024,
      user: '1000:1000',
      workingDir: '/app',
    });
    expect(runInput.safeParse(r.input).success).toBe(true);
  });

  it('adds nothing when left as it came', () => {
    const r = parseRunDialog(base, parseAdvanced(EMPTY_ADVANCED, 'no'));
    expect(r.ok && r.input).toEqual(base.ok && { ...base.input, ports: base.input.ports!.map((p) => ({ ...p, hostIp: '127.0.0.1' })) });
  });

  it('says what is wrong, per field: --rm with a restart policy, sizes, addresses, paths', () => {
    const r = parseAdvanced({ ...EMPTY_ADVANCED, hostIp: '999.1.1.1', autoRemove: true, cpus: 'lots', memory: '1m', user: 'a b', workingDir: 'app', labels: 'novalue' }, 'always');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['autoRemove', 'cpus', 'hostIp', 'labels', 'memory', 'user', 'workingDir']);
  });

  it('reads memory sizes as docker does', () => {
    expect(parseMemory('2g')).toBe(2 * 1024 ** 3);
    expect(parseMemory('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseMemory('64 MB')).toBe(64 * 1024 ** 2);
    expect(parseMemory('1048576')).toBe(1048576);
    expect(parseMemory('big')).toBeNull();
  });
});
