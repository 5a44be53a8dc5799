import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

// js-yaml is what electron-builder itself parses its YAML config with (a dependency of it, pinned in the lockfile).
const yaml = createRequire(join(ROOT, 'package.json'))('js-yaml') as { load(text: string): unknown };

export interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar?: boolean;
  extends?: string;
  extraResources?: { from: string; to: string; filter?: string[] }[];
  electronFuses?: Record<string, boolean>;
  linux?: { target: string[]; icon: string };
  mac?: { target: string[]; icon: string };
  win?: { target: string[]; icon: string };
  directories?: { output?: string };
}

export const loadBuilderConfig = (file = 'electron-builder.yml'): BuilderConfig => yaml.load(readFileSync(join(ROOT, file), 'utf8')) as BuilderConfig;
