import { describe, expect, it } from 'vitest';
import { parsePort, parseRunForm, splitCommand, type RunForm } from '../../../renderer/src/features/images/run-form';
import { runInput } from '../../../shared/api/containers';

const form = (patch: Partial<RunForm> = {}): RunForm => ({
  image: 'greeting-app',
  name: '',
  ports: [],
  env: '',
  volumes: '',
  restartPolicy: 'no',
  command: '',
  ...patch,
});
const port = (key: number, hostPort: string, containerPort: string, protocol: 'tcp' | 'udp' = 'tcp') => ({ key, hostPort, containerPort, protocol });

describe('the run form', () => {
  it('turns a filled form into containers:run input the API schema accepts', () => {
    const r = parseRunForm(
      form({
        name: 'greeting',
        ports: [port(1, '4000', '3000'), port(2, '', ''), port(3, '5353', '53', 'udp')],
        env: 'GREETING=hello world\n\n# a comment\nEMPTY=\nURL=http://x/?a=b',
        volumes: '/home/me/site:/www:ro\ndata:/var/lib/data\nC:\\Users\\me:/win',
        restartPolicy: 'unless-stopped',
        command: `/bin/busybox httpd -f -p "3000" -h '/my www'`,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toEqual({
      image: 'greeting-app',
      name: 'greeting',
      ports: [
        { hostPort: 4000, containerPort: 3000, protocol: 'tcp' },
        { hostPort: 5353, containerPort: 53, protocol: 'udp' },
      ],
      env: ['GREETING=hello world', 'EMPTY=', 'URL=http://x/?a=b'],
      mounts: [
        { type: 'bind', source: '/home/me/site', target: '/www', readOnly: true },
        { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false },
        { type: 'bind', source: 'C:\\Users\\me', target: '/win', readOnly: false },
      ],
      restartPolicy: 'unless-stopped',
      command: ['/bin/busybox', 'httpd', '-f', '-p', '3000', '-h', '/my www'],
    });
    expect(runInput.safeParse(r.input).success).toBe(true);
  });

  it('leaves out what the user left empty (the engine picks a name, the image keeps its CMD)', () => {
    const r = parseRunForm(form());
    expect(r).toEqual({ ok: true, input: { image: 'greeting-app', ports: [], env: [], mounts: [], restartPolicy: 'no' } });
  });

  it('says what is wrong, per field', () => {
    const r = parseRunForm(
      form({
        name: '-bad name',
        ports: [port(1, '70000', '80'), port(2, '8080', 'http'), port(3, '9000', '90'), port(4, '9000', '91')],
        env: 'GOOD=1\nNOT AN ENV',
        volumes: 'relative/path:/x',
        command: 'sh -c "unterminated',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toMatch(/letters, digits/);
    expect(r.errors.ports).toEqual({
      1: 'The host port must be a number from 1 to 65535.',
      2: 'The container port must be a number from 1 to 65535.',
      4: 'Host port 9000 is used twice.',
    });
    expect(r.errors.env).toBe('Line 2: "NOT AN ENV" must look like NAME=value.');
    expect(r.errors.volumes).toMatch(/Line 1: "relative\/path" is neither an absolute host path nor a volume name/);
    expect(r.errors.command).toBe('A double quote is not closed.');
  });

  it('checks volume lines the way docker run -v reads them', () => {
    const errorOf = (volumes: string) => {
      const r = parseRunForm(form({ volumes }));
      return r.ok ? null : r.errors.volumes;
    };
    expect(errorOf('/a:/b:rw')).toBeNull();
    expect(errorOf('/a')).toMatch(/must look like/);
    expect(errorOf('/a:relative')).toMatch(/must start with \//);
    expect(errorOf('/a:/b:rx')).toMatch(/only be ro or rw/);
    expect(errorOf('/a:/b:ro:x')).toMatch(/must look like/);
  });

  it('allows the same host port number once per protocol', () => {
    expect(parseRunForm(form({ ports: [port(1, '53', '53', 'tcp'), port(2, '53', '53', 'udp')] })).ok).toBe(true);
  });
});

describe('parsePort and splitCommand', () => {
  it('accepts only whole numbers in range', () => {
    expect(parsePort(' 3000 ')).toBe(3000);
    for (const bad of ['', '0', '65536', '30.5', '-1', '3e3', 'abc']) expect(parsePort(bad)).toBeNull();
  });

  it('splits like a shell: quotes group, backslash escapes, whitespace separates', () => {
    expect(splitCommand(`echo "a b" 'c  d' e\\ f ""`)).toEqual(['echo', 'a b', 'c  d', 'e f', '']);
    expect(splitCommand(`sh -c "echo \\"hi\\""`)).toEqual(['sh', '-c', 'echo "hi"']);
    expect(splitCommand(`it's`)).toEqual({ error: 'A single quote is not closed.' });
  });
});
