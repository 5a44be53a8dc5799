import type { DeployPlan, FindingRule } from '../../../../shared/api/deploy';

const RULE_LABELS: Record<FindingRule, string> = {
  version: 'Version',
  entry: 'Entry point',
  framework: 'Framework',
  'bind-address': 'Listen address',
  'native-deps': 'Native code',
  command: 'Command',
  'data-path': 'Data',
};

/** A finding's sentence with its `quoted commands` shown as code. */
const WithCode = ({ text }: { text: string }) => (
  <span>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</span>
);

/** What the planner's rules found and did, each with the file and line it came from; warnings first. */
export function PlanFindings({ plan }: { plan: DeployPlan }) {
  if (plan.findings.length === 0) return null;
  const ordered = [...plan.findings].sort((a, b) => Number(Boolean(b.warning)) - Number(Boolean(a.warning)));
  return (
    <div>
      <h3>What Porthole found</h3>
      <ul className="deploy-findings" aria-label="Findings" data-testid="deploy-findings">
        {ordered.map((f) => (
          <li key={`${f.rule}:${f.source}:${f.text}`} className={f.warning ? 'deploy-finding deploy-finding-warning' : 'deploy-finding'} data-rule={f.rule}>
            <span className="deploy-finding-rule small">{f.warning ? `Warning · ${RULE_LABELS[f.rule]}` : RULE_LABELS[f.rule]}</span>
            <WithCode text={f.text} />
            <span className="muted small">
              from {f.source}
              {f.snippet && (
                <>
                  {' '}
                  <code>{f.snippet}</code>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
