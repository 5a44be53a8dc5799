/** Splits a command line into words (single and double quotes, backslash escapes); null when it needs a shell. */
export function splitWords(command: string): string[] | null {
  if (/[|&;<>()`$*?~]|\n/.test(command.replace(/'[^']*'/g, ''))) return null;
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < command.length) current += command[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < command.length) {
      current += command[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return null;
  if (inWord) words.push(current);
  return words;
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
