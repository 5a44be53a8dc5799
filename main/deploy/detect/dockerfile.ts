import type { AppFolder } from '../folder';
import { toExecForm } from '../shell-words';
import { DEFAULT, type Detection } from '../types';
import { GENERATED_DOCKERFILE } from '../dockerignore';

export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * The Dockerfiles a folder can bring, in the order they are preferred. Dockerfile.porthole is the one
 * "Save Dockerfile to the folder" wrote: once saved it is the user's to edit, and the next plan uses it.
 */
export const OWN_DOCKERFILES = ['Dockerfile', 'Containerfile', GENERATED_DOCKERFILE];

/** The folder's own Dockerfile, used as it is: the port is its first EXPOSE, the start its CMD. */
export async function detectDockerfile(folder: AppFolder): Promise<(Detection & { file: string; text: string }) | null> {
  const file = OWN_DOCKERFILES.find((f) => folder.has(f));
  const text = file ? await folder.text(file) : null;
  if (!file || text === null) return null;
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const expose = lines.map((l) => /^\s*EXPOSE\s+(\d+)/i.exec(l)).find(Boolean);
  const fromLines = lines.map((l) => /^\s*FROM\s+(?:--\S+\s+)*(\S+)/i.exec(l)?.[1]).filter((v): v is string => Boolean(v));
  const cmdLine = [...lines].reverse().map((l) => /^\s*CMD\s+(.+)$/i.exec(l)?.[1]).find(Boolean);
  let start: string[] | null = null;
  if (cmdLine) {
    try {
      const parsed: unknown = JSON.parse(cmdLine);
      start = Array.isArray(parsed) ? parsed.map(String) : null;
    } catch {
      start = toExecForm(cmdLine);
    }
  }
  const notes: string[] = [];
  if (file === GENERATED_DOCKERFILE) notes.push(`${file} (saved from an earlier plan) is used as it is: edit it to change the build, or delete it to let Porthole plan the folder again.`);
  const compose = COMPOSE_FILES.find((f) => folder.has(f));
  if (compose) notes.push(`${compose} found: Porthole deploys the Dockerfile as one container and does not start the other services in the compose file.`);
  return {
    runtime: 'dockerfile',
    version: fromLines[fromLines.length - 1] ?? null,
    packageManager: null,
    install: null,
    build: null,
    start,
    port: expose ? Number(expose[1]) : null,
    portConfidence: expose ? 'high' : 'low',
    manifests: [],
    file,
    text,
    sources: {
      runtime: file,
      version: fromLines.length ? `${file}:FROM` : DEFAULT,
      packageManager: DEFAULT,
      install: DEFAULT,
      build: DEFAULT,
      start: cmdLine ? `${file}:CMD` : DEFAULT,
      port: expose ? `${file}:EXPOSE` : DEFAULT,
    },
    notes,
  };
}
