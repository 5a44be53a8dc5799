import type { Locator } from '@playwright/test';
import { SectionPage } from './page-part';

export class DeployPage extends SectionPage {
  protected readonly section = 'Deploy';
  readonly folder = this.page.getByLabel('App folder');
  readonly mirror = this.page.getByLabel('Registry mirror');
  readonly readFolder = this.page.getByRole('button', { name: 'Read folder' });
  readonly deployButton = this.page.getByRole('main').getByRole('button', { name: 'Deploy', exact: true });
  readonly facts = this.page.getByTestId('deploy-facts');
  readonly url = this.page.getByTestId('deploy-url');
  readonly dockerfile = this.page.getByLabel('Dockerfile');
  /** A compose folder's plan: its notes, the services table and the entry-point select. */
  readonly composePlan = this.page.getByTestId('compose-plan');
  readonly entryPoint = this.page.getByLabel('Entry point');

  stage(name: string): Locator {
    return this.page.locator(`[data-stage="${name}"]`);
  }
}
