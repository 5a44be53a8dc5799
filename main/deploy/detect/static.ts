import type { AppFolder } from '../folder';
import { DEFAULT, type Detection } from '../types';

/** A folder of files a browser opens as they are: `index.html` at the root, or in `public/` or `dist/`. */
export async function detectStatic(folder: AppFolder): Promise<Detection | null> {
  let root: string | null = null;
  for (const dir of ['', 'public/', 'dist/', 'build/', 'site/']) {
    if (await folder.isFile(`${dir}index.html`)) {
      root = dir;
      break;
    }
  }
  if (root === null) return null;
  return {
    runtime: 'static',
    version: null,
    packageManager: null,
    install: null,
    build: null,
    start: ['busybox', 'httpd', '-f', '-v', '-p', '8080', '-h', '/www'],
    port: 8080,
    portConfidence: 'high',
    manifests: [],
    target: root.replace(/\/$/, '') || '.',
    sources: {
      runtime: `${root}index.html`,
      version: DEFAULT,
      packageManager: DEFAULT,
      install: DEFAULT,
      build: DEFAULT,
      start: DEFAULT,
      port: 'default (busybox httpd as a non-root user)',
    },
    notes: [],
  };
}
