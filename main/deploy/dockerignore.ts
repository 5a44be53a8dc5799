/** Written only when the folder has no .dockerignore: keeps secrets, VCS data and local dependencies out of the build. */
export const GENERATED_DOCKERFILE = 'Dockerfile.porthole';

export function generateDockerignore(runtime: string): string {
  const lines = [
    '# Written by Porthole because this folder had no .dockerignore. Edit freely; Porthole never overwrites it.',
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
