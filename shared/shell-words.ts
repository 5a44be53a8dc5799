/**
 * Splits a command line into words the way a POSIX shell would for simple commands: whitespace
 * separates, single and double quotes group, backslash escapes. Used by the Run dialog's command field
 * and by deploy's start-command detection.
 */
export function splitCommand(text: string): string[] | { error: string } {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
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
  if (quote) return { error: `A ${quote === '"' ? 'double' : 'single'} quote is not closed.` };
  if (inWord) words.push(current);
  return words;
}
