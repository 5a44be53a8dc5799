/** The name "Save Dockerfile to the folder" gives the generated Dockerfile (a deploy keeps it in memory). */
export const GENERATED_DOCKERFILE = 'Dockerfile.porthole';

/** Used when the folder has no .dockerignore (in memory; written only when saved): keeps secrets, VCS data and local dependencies out of the build. */
export function generateDockerignore(runtime: string): string {
  const lines = [
    '# Porthole\'s ignore rules, for a folder that had no .dockerignore. Edit freely; Porthole never overwrites it.',
    '.git',
    '.gitignore',
    '.env',
    '.env.*',
    '!.env.example',
    'Dockerfile*',
    `!${GENERATED_DOCKERFILE}`,
    '.dockerignore',
    'compose*.y*ml',
    'docker-compose*.y*ml',
    '*.log',
    '.DS_Store',
    '.idea',
    '.vscode',
  ];
  if (runtime === 'node') lines.push('node_modules', 'npm-debug.log*', 'yarn-error.log*', '.npm', '.next/cache', 'coverage');
  if (runtime === 'python') lines.push('.venv', 'venv', 'env', '__pycache__', '*.pyc', '.pytest_cache', '.mypy_cache');
  if (runtime === 'ruby') lines.push('vendor/bundle', 'log/*', 'tmp/*', '.bundle');
  if (runtime === 'go') lines.push('bin', '*.test');
  return `${lines.join('\n')}\n`;
}
