import type { AppFolder } from '../folder';

export interface LineHit {
  file: string;
  /** 1-based. */
  line: number;
  /** The line, trimmed and cut to 120 characters, as the plan quotes it. */
  snippet: string;
  match: RegExpExecArray;
  /** The lines after the hit (up to 4), for rules that look at what follows. */
  after: string[];
}

export const quote = (text: string): string => {
  const t = text.trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
};

/** Every line of the given files that matches `re` (no `g` flag), with the line number and what follows. */
export async function findLines(folder: AppFolder, files: string[], re: RegExp): Promise<LineHit[]> {
  const hits: LineHit[] = [];
  for (const file of files) {
    const text = await folder.text(file);
    if (!text) continue;
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
      const match = re.exec(raw);
      if (match) hits.push({ file, line: i + 1, snippet: quote(raw), match, after: lines.slice(i + 1, i + 5) });
    });
  }
  return hits;
}

/** `file:line`. */
export const at = (hit: LineHit): string => `${hit.file}:${hit.line}`;
