import type { AppFolder } from './folder';
import { quote } from './rules/code-lines';

export interface PortGuess {
  port: number;
  confidence: 'high' | 'medium' | 'low';
  source: string;
  readsPortEnv: boolean;
  /** The line the port was read from, trimmed. */
  snippet: string;
}

interface Pattern {
  re: RegExp;
  confidence: 'high' | 'medium';
  what: string;
  readsEnv?: boolean;
}

/** Ordered: the app's own explicit defaults first, weaker hints later. */
const PATTERNS: Pattern[] = [
  { re: /process\.env\.PORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})/, confidence: 'high', what: 'process.env.PORT', readsEnv: true },
  { re: /os\.environ\.get\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/, confidence: 'high', what: 'os.environ PORT', readsEnv: true },
  { re: /os\.getenv\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})/, confidence: 'high', what: 'os.getenv PORT', readsEnv: true },
  { re: /ENV\.fetch\(\s*['"]PORT['"]\s*(?:,\s*['"]?|\)\s*\{\s*['"]?)(\d{2,5})/, confidence: 'high', what: 'ENV PORT', readsEnv: true },
  { re: /\.run\([^)]*port\s*=\s*(\d{2,5})/, confidence: 'high', what: 'app.run(port=…)' },
  { re: /--port[= ](\d{2,5})/, confidence: 'high', what: '--port' },
  { re: /(?:--bind|-b)[= ](?:[\d.]*|\[::\]):(\d{2,5})/, confidence: 'high', what: '--bind' },
  { re: /ListenAndServe(?:TLS)?\(\s*"[^":]*:(\d{2,5})"/, confidence: 'high', what: 'ListenAndServe' },
  { re: /\.listen\(\s*(\d{2,5})\b/, confidence: 'high', what: 'listen(…)' },
  { re: /\b(?:const|let|var)\s+(?:port|PORT)\s*(?::\s*number\s*)?=\s*(\d{2,5})\b/, confidence: 'medium', what: 'const port' },
  { re: /^\s*(?:port|PORT)\s*=\s*(\d{2,5})\b/m, confidence: 'medium', what: 'port =' },
  { re: /\bport\s*:\s*(\d{2,5})\b/, confidence: 'medium', what: 'port:' },
];

const PORT_ENV_READ = /process\.env\.PORT|process\.env\[['"]PORT['"]\]|environ(?:\.get)?\(?\[?\s*['"]PORT['"]|getenv\(\s*['"]PORT['"]|ENV(?:\.fetch)?\(?\[?\s*['"]PORT['"]|Getenv\("PORT"\)/;

/** Looks for the port in the given files, in order; the first hit wins. */
export async function scanPort(folder: AppFolder, files: string[]): Promise<PortGuess | null> {
  let readsEnv = false;
  for (const file of files) {
    const text = await folder.text(file);
    if (text && PORT_ENV_READ.test(text)) readsEnv = true;
  }
  for (const pattern of PATTERNS) {
    for (const file of files) {
      const text = await folder.text(file);
      const m = text ? pattern.re.exec(text) : null;
      if (!m) continue;
      const port = Number(m[1]);
      if (port < 1 || port > 65535) continue;
      const line = text!.slice(0, m.index).split('\n').length;
      const snippet = quote(text!.split(/\r?\n/)[line - 1] ?? m[0]);
      return { port, confidence: pattern.confidence, source: `${file}:${line}`, snippet, readsPortEnv: readsEnv || Boolean(pattern.readsEnv) };
    }
  }
  return null;
}
