import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deploySaveFilesParams } from '../../shared/api/deploy';
import { saveDeployFiles } from '../../main/deploy/save-files';
import { generateDockerignore } from '../../main/deploy/dockerignore';
import { detectPlan } from '../../main/deploy/detect';
import type { PortholeError } from '../../shared/errors';

const dirs: string[] = [];
async function appFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-save-files-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const DOCKERFILE = 'FROM node:20-slim\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('deploy:save-files ("Save Dockerfile to the folder")', () => {
  it('writes Dockerfile.porthole and, when the folder has none, .dockerignore, and says what it wrote', async () => {
    const folder = await appFolder({ 'server.js': '' });
    const saved = await saveDeployFiles(deploySaveFilesParams.parse({ folder, dockerfile: DOCKERFILE, dockerignore: generateDockerignore('node') }));
    expect(saved).toEqual({ folder, written: ['Dockerfile.porthole', '.dockerignore'], kept: [] });
    expect(await readFile(join(folder, 'Dockerfile.porthole'), 'utf8')).toBe(DOCKERFILE);
    expect(await readFile(join(folder, '.dockerignore'), 'utf8')).toBe(generateDockerignore('node'));
  });

  it('the next plan builds from the saved Dockerfile.porthole as it is, and says so', async () => {
    const folder = await appFolder({ 'server.js': 'require("http").createServer().listen(3000);\n', 'package.json': '{"name":"saved-app","scripts":{"start":"node server.js"}}' });
    expect((await detectPlan(folder)).runtime).toBe('node');
    const edited = 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js", "--edited"]\n';
    await saveDeployFiles(deploySaveFilesParams.parse({ folder, dockerfile: edited, dockerignore: null }));
    const plan = await detectPlan(folder);
    expect(plan.runtime).toBe('dockerfile');
    expect(plan.dockerfile).toBe(edited);
    expect(plan.sources.runtime).toBe('Dockerfile.porthole');
    expect(plan.start).toBe('node server.js --edited');
    expect(plan.notes.join(' ')).toMatch(/Dockerfile\.porthole \(saved from an earlier plan\) is used as it is/);
  });

  it('keeps an existing .dockerignore as it is', async () => {
    const folder = await appFolder({ 'server.js': '', '.dockerignore': 'mine\n' });
    const saved = await saveDeployFiles(deploySaveFilesParams.parse({ folder, dockerfile: DOCKERFILE, dockerignore: generateDockerignore('node') }));
    expect(saved).toEqual({ folder, written: ['Dockerfile.porthole'], kept: ['.dockerignore'] });
    expect(await readFile(join(folder, '.dockerignore'), 'utf8')).toBe('mine\n');
  });

  it('refuses to overwrite an existing Dockerfile.porthole with CONFLICT, and writes nothing', async () => {
    const folder = await appFolder({ 'server.js': '', 'Dockerfile.porthole': 'FROM mine\n' });
    const error = (await saveDeployFiles(deploySaveFilesParams.parse({ folder, dockerfile: DOCKERFILE, dockerignore: generateDockerignore('node') })).catch((e: unknown) => e)) as PortholeError;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Dockerfile\.porthole already exists.*does not overwrite it/);
    expect(await readFile(join(folder, 'Dockerfile.porthole'), 'utf8')).toBe('FROM mine\n');
    expect((await readdir(folder)).sort()).toEqual(['Dockerfile.porthole', 'server.js']);
  });

  it('refuses a folder that does not exist (VALIDATION) and a relative path (schema)', async () => {
    const missing = join(tmpdir(), 'porthole-save-files-missing-folder');
    await expect(saveDeployFiles(deploySaveFilesParams.parse({ folder: missing, dockerfile: DOCKERFILE }))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(deploySaveFilesParams.safeParse({ folder: 'relative/app', dockerfile: DOCKERFILE }).success).toBe(false);
  });
});
