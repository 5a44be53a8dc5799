/**
 * What can be checked about packaging without an Electron binary: the builder config's `files`
 * allowlist resolved against the real tree after a build, the icons it names, and what the asar
 * would hold (built output and package.json only; never sources, tests or devDependencies).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRAY_ICON_STATES, trayIconFile } from '../../main/tray/icons';
import { ROOT, loadBuilderConfig } from '../support/builder-config';

// minimatch is the matcher electron-builder uses for `files` (a dependency of it, pinned in the lockfile).
const { minimatch } = createRequire(join(ROOT, 'package.json'))('minimatch') as { minimatch(path: string, pattern: string, options?: object): boolean };

const config = loadBuilderConfig();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** electron-builder semantics: patterns in order, `!` excludes, the last matching pattern decides. */
const packed = (path: string): boolean => {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included || path === 'package.json';
};

const SKIP = new Set(['node_modules', '.git', 'release', 'release-e2e', 'test-results', 'playwright-report', 'coverage']);
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (dir === ROOT && SKIP.has(entry)) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(relative(ROOT, full).split('\\').join('/'));
  }
  return out;
}

let tree: string[];
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-build.mjs')], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  tree = walk(ROOT);
}, 300_000);

describe('electron-builder.yml', () => {
  it('names the app and targets AppImage + deb, dmg, nsis', () => {
    expect(config).toMatchObject({ appId: 'dev.porthole.app', productName: 'Porthole', asar: true });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('package.json "main" is a file the build produces, and it is packed', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    expect(packed(pkg.main)).toBe(true);
  });

  it('packs what the app loads at run time: main, preload, renderer', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(packed(file), file).toBe(true);
    }
    expect(tree.filter(packed).some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('packs nothing but built output and package.json: no sources, tests, scripts, configs or source maps', () => {
    const inAsar = tree.filter(packed);
    expect(inAsar.filter((f) => !(f === 'package.json' || f.startsWith('out/')))).toEqual([]);
    expect(inAsar.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'))).toEqual([]);
    for (const source of ['main/index.ts', 'preload/index.ts', 'shared/channels.ts', 'test/unit/packaging.test.ts', 'scripts/make-icons.mjs', 'electron-builder.yml', '.env']) {
      expect(packed(source), source).toBe(false);
    }
  });

  it('packs no devDependency (production dependencies are added by electron-builder from "dependencies")', () => {
    for (const dep of Object.keys(pkg.devDependencies)) {
      expect(packed(`node_modules/${dep}/package.json`), dep).toBe(false);
      expect(pkg.dependencies[dep], `${dep} is both a dependency and a devDependency`).toBeUndefined();
    }
    // electron-builder refuses electron in "dependencies"; the builder and tools must not ship.
    for (const devOnly of ['electron', 'electron-builder', 'electron-vite', 'vitest', '@playwright/test', '@doyensec/electronegativity', 'pngjs']) {
      expect(pkg.devDependencies[devOnly], devOnly).toBeDefined();
    }
  });

  it('the built page loads no inline script and keeps its CSP', () => {
    const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});

describe('icons in assets/', () => {
  const pngSize = (file: string) => {
    const png = PNG.sync.read(readFileSync(join(ROOT, 'assets', file)));
    return [png.width, png.height];
  };

  it('the app icon is 1024 px (512 px too); Windows gets a multi-size .ico', () => {
    expect(config.linux?.icon).toBe('assets/icon.png');
    expect(config.mac?.icon).toBe('assets/icon.png');
    expect(config.win?.icon).toBe('assets/icon.ico');
    expect(pngSize('icon.png')).toEqual([1024, 1024]);
    expect(pngSize('icon-512.png')).toEqual([512, 512]);
    expect(icoSizes('icon.ico')).toEqual([16, 32, 48, 256]);
  });

  it('every tray state has a macOS template (16 + @2x 32, black + alpha), a PNG (16 + @2x) and an .ico', () => {
    for (const state of TRAY_ICON_STATES) {
      const template = trayIconFile(state, 'darwin');
      expect(template).toMatch(/Template\.png$/);
      expect(pngSize(template)).toEqual([16, 16]);
      expect(pngSize(template.replace('.png', '@2x.png'))).toEqual([32, 32]);
      const data = PNG.sync.read(readFileSync(join(ROOT, 'assets', template))).data;
      for (let i = 0; i < data.length; i += 4) expect(data[i] + data[i + 1] + data[i + 2]).toBe(0);
      expect(pngSize(trayIconFile(state, 'linux'))).toEqual([16, 16]);
      expect(pngSize(trayIconFile(state, 'linux').replace('.png', '@2x.png'))).toEqual([32, 32]);
      expect(icoSizes(trayIconFile(state, 'win32'))).toEqual([16, 24, 32, 48]);
    }
  });

  it('tray images are shipped as extraResources (loaded at run time from resources/assets)', () => {
    expect(config.extraResources).toEqual([{ from: 'assets/tray', to: 'assets/tray', filter: ['*.png', '*.ico'] }]);
    const shipped = readdirSync(join(ROOT, 'assets', 'tray'));
    for (const state of TRAY_ICON_STATES) for (const platform of ['darwin', 'linux', 'win32'] as const) expect(shipped).toContain(trayIconFile(state, platform).replace('tray/', ''));
  });
});

/** Reads an ICONDIR: the size of each entry, checking each is a PNG where the entry says it is. */
function icoSizes(file: string): number[] {
  const buf = readFileSync(join(ROOT, 'assets', file));
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, k) => {
    const e = 6 + 16 * k;
    const size = buf.readUInt8(e) || 256;
    const length = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    const png = PNG.sync.read(buf.subarray(offset, offset + length));
    expect([png.width, png.height]).toEqual([size, size]);
    return size;
  });
}
