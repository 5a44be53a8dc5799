import { serveCommand } from './serve';
import { compareCommand } from './compare';
import { deployCommand } from './deploy';
import { applyContextOption } from './context-option';

const USAGE = `Usage: porthole [--context NAME] <command> [options]

  --context NAME, -c NAME   Use this docker context (default: DOCKER_HOST, DOCKER_CONTEXT, then the CLI's current context)

Commands:
  serve [--port N] [--host ADDR --allow-remote]   Serve the Porthole UI on http://127.0.0.1:N with a per-launch token
  compare [--json] [--profile ID]                 Running containers' measured cost beside the same workloads as VMs
  deploy <folder> [--port N] [--name NAME] [--registry-mirror HOST[:PORT]] [--dry-run] [--json]
                                                  Detect how to run an app folder, build it and run it until it answers
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  compare: compareCommand,
  deploy: deployCommand,
};

async function main(args: string[]): Promise<number> {
  const chosen = applyContextOption(args);
  if ('error' in chosen) {
    console.error(chosen.error);
    return 2;
  }
  const argv = chosen.argv;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`porthole: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    console.error(`porthole ${name}: ${(error as Error).message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  if (code !== undefined) process.exitCode = code;
});
