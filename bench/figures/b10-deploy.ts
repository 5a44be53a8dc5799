import type { Figure } from '../lib/figure';

/** B10: one-click deploy ÷ the same docker build + run + wait-for-port with the CLI. Filled in once deploy lands. */
export async function deployRatio(): Promise<Figure[]> {
  throw new Error('deploy is not measured yet');
}
