import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectPlan } from '../../main/deploy/detect';
import { appManifest, appObjects, parseManifest } from '../../main/kubernetes/manifests';
import { prefillFromPlan } from '../../shared/orchestrator-prefill';
import type { PortholeError } from '../../shared/errors';

const FIXTURES = join(__dirname, '../fixtures/deploy');

describe('Kubernetes objects from a deploy plan', () => {
  const plans: string[] = [];
  for (const name of readdirSync(FIXTURES)) plans.push(name);

  it.each(plans)('%s: the Deployment and Service validate against the Kubernetes schema and round-trip through YAML', async (fixture) => {
    let plan;
    try {
      plan = await detectPlan(join(FIXTURES, fixture));
    } catch (error) {
      // Folders the planner refuses (no app, PHP) never reach the orchestrator step.
      expect((error as PortholeError).code).toBeTruthy();
      return;
    }
    const prefill = prefillFromPlan(plan);
    const input = { ...prefill, image: `registry.example:5000/${prefill.name}:1`, replicas: 2, ingressHost: `${prefill.name}.example.test` };
    const objects = appObjects(input);
    expect(objects.map((o) => o.kind)).toEqual(['Deployment', 'Service', 'Ingress']);
    const manifest = appManifest(input);
    const reparsed = parseManifest(manifest.yaml);
    expect(JSON.parse(JSON.stringify(reparsed))).toEqual(JSON.parse(JSON.stringify(objects)));
    const deployment = parse(manifest.yaml.split('---\n')[0]);
    expect(deployment.spec.template.spec.containers[0]).toMatchObject({ image: input.image, ports: [{ containerPort: prefill.port }] });
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': prefill.name });
  });

  it('refuses edited YAML that breaks the schema or the syntax, in words with the place', () => {
    const { yaml } = appManifest({ name: 'web', image: 'web:1', port: 3000 });
    const broken = yaml.replace('replicas: 2', 'replicas: "two"');
    expect(() => parseManifest(broken)).toThrow(/Deployment\/web does not match the Kubernetes schema/);
    expect(() => parseManifest('kind: [')).toThrow(/line 1, column/);
    expect(() => parseManifest('just: text')).toThrow(/apiVersion, kind and metadata.name/);
  });

  it('names must be DNS labels; a plan name is made into one', () => {
    expect(() => appObjects({ name: 'Not_A_Label', image: 'x', port: 80 })).toThrow();
    expect(prefillFromPlan({ name: 'My App_2', port: null, env: ['DATABASE_URL', 'bad name'] })).toEqual({
      name: 'my-app-2',
      port: 8080,
      env: [{ key: 'DATABASE_URL', value: '' }],
    });
  });
});
