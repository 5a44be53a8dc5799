import { splitCommand } from '../../shared/shell-words';

/** Splits a command line into words; null when it needs a shell (pipes, redirects, variables, globs) or a quote is open. */
export function splitWords(command: string): string[] | null {
  if (/[|&;<>()`$*?~]|\n/.test(command.replace(/'[^']*'/g, ''))) return null;
  const words = splitCommand(command);
  return Array.isArray(words) ? words : null;
}

/** Exec form for a Dockerfile CMD: plain words as they are, anything needing a shell through `sh -c`. */
export function toExecForm(command: string): string[] {
  const words = splitWords(command.trim());
  return words && words.length > 0 ? words : ['sh', '-c', command.trim()];
}

/** Words back to one line a person can read (and a shell could run). */
export function joinWords(words: string[]): string {
  if (words.length === 3 && words[0] === 'sh' && words[1] === '-c') return words[2];
  return words.map((w) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
