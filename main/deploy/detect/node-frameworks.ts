import type { PlanFinding } from '../../../shared/api/deploy';
import type { AppFolder } from '../folder';

export interface NodeFramework {
  name: 'Next.js' | 'Nuxt' | 'Remix';
  /** The build command when the app has no build script. */
  build: string;
  /** Appended to the build: copies a standalone server's static files next to it. */
  afterBuild: string | null;
  /** The start command, or null to keep the app's own start script. */
  start: string[] | null;
  port: number;
  imageEnv: Record<string, string>;
  findings: PlanFinding[];
}

type Pkg = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; scripts?: Record<string, string> };

async function configText(folder: AppFolder, base: string): Promise<{ file: string; text: string } | null> {
  for (const ext of ['js', 'mjs', 'ts', 'cjs']) {
    const file = `${base}.${ext}`;
    const text = await folder.text(file);
    if (text !== null) return { file, text };
  }
  return null;
}

/** Next.js, Nuxt and Remix: how each builds, what starts the production server, and its port. */
export async function nodeFramework(folder: AppFolder, pkg: Pkg): Promise<NodeFramework | null> {
  const deps = { ...pkg.devDependencies, ...pkg.dependencies };
  const startScript = pkg.scripts?.start ?? null;
  if (deps.next) {
    const config = await configText(folder, 'next.config');
    const standalone = config && /output\s*:\s*['"]standalone['"]/.test(config.text);
    if (standalone) {
      return {
        name: 'Next.js',
        build: 'npx next build',
        afterBuild: '(cp -r public .next/standalone/ 2>/dev/null || true) && cp -r .next/static .next/standalone/.next/',
        start: ['node', '.next/standalone/server.js'],
        port: 3000,
        // The standalone server listens on $HOSTNAME, which Docker sets to the container's id.
        imageEnv: { HOSTNAME: '0.0.0.0' },
        findings: [{ rule: 'framework', text: 'Next.js with standalone output: the build copies public/ and .next/static next to the standalone server, the image runs `node .next/standalone/server.js` with HOSTNAME=0.0.0.0 on $PORT (default 3000).', source: `${config.file}:output`, snippet: "output: 'standalone'" }],
      };
    }
    return {
      name: 'Next.js',
      build: 'npx next build',
      afterBuild: null,
      start: startScript ? null : ['node_modules/.bin/next', 'start'],
      port: 3000,
      imageEnv: {},
      findings: [{ rule: 'framework', text: `Next.js: the image runs \`next build\` (scripts.build when present), then ${startScript ? 'scripts.start' : '`next start`'}, which listens on all interfaces on $PORT (default 3000).`, source: 'package.json:dependencies.next' }],
    };
  }
  if (deps.nuxt) {
    return {
      name: 'Nuxt',
      build: 'npx nuxt build',
      afterBuild: null,
      start: ['node', '.output/server/index.mjs'],
      port: 3000,
      imageEnv: { NITRO_HOST: '0.0.0.0' },
      findings: [{ rule: 'framework', text: 'Nuxt: the image runs `nuxt build`, then the Nitro server `node .output/server/index.mjs` on $PORT (default 3000), bound to all interfaces (NITRO_HOST=0.0.0.0).', source: 'package.json:dependencies.nuxt' }],
    };
  }
  if (deps['@remix-run/serve'] || deps['@remix-run/node']) {
    const vite = folder.has('vite.config.ts') || folder.has('vite.config.js');
    const server = vite ? 'build/server/index.js' : 'build/index.js';
    return {
      name: 'Remix',
      build: 'npx remix build',
      afterBuild: null,
      start: startScript ? null : ['node_modules/.bin/remix-serve', server],
      port: 3000,
      imageEnv: {},
      findings: [{ rule: 'framework', text: `Remix: the image builds the app, then ${startScript ? 'scripts.start' : `\`remix-serve ${server}\``} serves it on $PORT (default 3000).`, source: `package.json:dependencies.${deps['@remix-run/serve'] ? '@remix-run/serve' : '@remix-run/node'}` }],
    };
  }
  return null;
}
