import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { busyboxImage } from './engine';
import { RUN_ID, TEST_LABEL } from './run-id';

const exec = promisify(execFile);

let counter = 0;
/** A compose project name unique to this run and process. */
export const uniqueProject = (prefix = 'pt'): string => `${prefix}-${RUN_ID}-${process.pid}-${++counter}`.toLowerCase().replace(/[^a-z0-9_-]/g, '');

const labels = `      ${TEST_LABEL}: "${RUN_ID}"`;

/** busybox httpd "web" (answers on `webPort`, logs each request) + a "worker" printing a tick every 300 ms; every object labelled. */
export function twoServiceCompose(webPort: number, options: { extraServices?: number } = {}): string {
  const image = busyboxImage();
  const extra = Array.from({ length: options.extraServices ?? 0 }, (_, i) => `  extra${i + 1}:
    image: ${image}
    command: ["/bin/busybox", "sleep", "3600"]
    init: true
    stop_grace_period: 1s
    labels:
${labels}
`).join('');
  return `services:
  web:
    image: ${image}
    command: ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /www && echo hello-from-web > /www/index.html && echo web ready && exec /bin/busybox httpd -f -v -p 8080 -h /www"]
    ports:
      - "127.0.0.1:${webPort}:8080"
    volumes:
      - data:/data
    environment:
      GREETING: secret-value
    init: true
    stop_grace_period: 1s
    labels:
${labels}
  worker:
    image: ${image}
    command: ["/bin/busybox", "sh", "-c", "i=0; while true; do i=$$((i+1)); echo worker tick $$i; /bin/busybox sleep 0.3; done"]
    depends_on:
      - web
    init: true
    stop_grace_period: 1s
    labels:
${labels}
${extra}volumes:
  data:
    labels:
${labels}
networks:
  default:
    labels:
${labels}
`;
}

/** Folders made by writeComposeFolder: removeProject deletes them with the project. */
const madeFolders = new Set<string>();

export async function writeComposeFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-compose-'));
  madeFolders.add(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** The compose CLI directly (the rig installs Debian's docker-compose). */
export async function composeCli(dir: string, project: string, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await exec('docker-compose', ['--ansi', 'never', '-p', project, ...args], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  return stdout + stderr;
}

/** Removes a project's containers, network and volumes whatever state a failed test left them in. */
export async function removeProject(dir: string, project: string): Promise<void> {
  await composeCli(dir, project, 'down', '--volumes', '--remove-orphans', '-t', '1').catch(() => '');
  if (madeFolders.delete(dir)) await rm(dir, { recursive: true, force: true });
}

/** Deletes the folders writeComposeFolder made that no removeProject took (files of tests that start nothing). */
export async function removeComposeFolders(): Promise<void> {
  for (const dir of madeFolders) await rm(dir, { recursive: true, force: true });
  madeFolders.clear();
}
