import { ContextsStore } from '../engines/contexts-store';

/**
 * `porthole --context NAME <command>` (or `-c NAME`, `--context=NAME`), as the docker CLI takes it: an
 * explicit flag wins over DOCKER_HOST; without it DOCKER_CONTEXT is honoured by discovery as in the CLI.
 * Returns the remaining arguments, or a message when the context does not exist.
 */
export function applyContextOption(argv: string[], env: NodeJS.ProcessEnv = process.env, contexts = new ContextsStore()): { argv: string[] } | { error: string } {
  const [first, second, ...rest] = argv;
  let name: string | undefined;
  let remaining = argv;
  if (first === '--context' || first === '-c') {
    name = second;
    remaining = rest;
  } else if (first?.startsWith('--context=')) {
    name = first.slice('--context='.length);
    remaining = argv.slice(1);
  }
  if (name === undefined) return { argv };
  if (!name) return { error: 'porthole: --context needs a context name.' };
  if (name !== 'default' && !contexts.find(name)) {
    const known = contexts.list().map((c) => c.name);
    return { error: `porthole: there is no docker context named "${name}" (known: default${known.length ? `, ${known.join(', ')}` : ''}).` };
  }
  env.DOCKER_CONTEXT = name;
  delete env.DOCKER_HOST;
  return { argv: remaining };
}
