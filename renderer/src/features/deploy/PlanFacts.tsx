import type { DeployPlan, PlanFact } from '../../../../shared/api/deploy';

const LABELS: [PlanFact, string][] = [
  ['runtime', 'Runtime'],
  ['version', 'Version'],
  ['packageManager', 'Package manager'],
  ['install', 'Install'],
  ['build', 'Build'],
  ['workdir', 'Working folder'],
];

/** "from package.json:engines.node", "a default", "you". */
const sourceText = (source: string): string => (source === 'default' ? 'a default' : source === 'user' ? 'you' : `from ${source}`);

/** The facts that are read-only in the plan, each with where it came from. */
export function PlanFacts({ plan }: { plan: DeployPlan }) {
  return (
    <table className="deploy-facts" data-testid="deploy-facts">
      <tbody>
        {LABELS.map(([fact, label]) => {
          const value = plan[fact];
          return (
            <tr key={fact} data-fact={fact}>
              <th scope="row">{label}</th>
              <td className="deploy-fact-value">{value === null || value === '' ? <span className="muted">none</span> : <code>{String(value)}</code>}</td>
              <td className="deploy-fact-source muted small">
                {sourceText(plan.sources[fact])}
                {plan.snippets[fact] && <code className="deploy-fact-snippet">{plan.snippets[fact]}</code>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export { sourceText };
