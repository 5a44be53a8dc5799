import type { Locator, Page } from '@playwright/test';

export class DeployPage {
  readonly folder: Locator;
  readonly mirror: Locator;
  readonly readFolder: Locator;
  readonly deployButton: Locator;
  readonly facts: Locator;
  readonly url: Locator;
  readonly dockerfile: Locator;
  /** A compose folder's plan: its notes, the services table and the entry-point select. */
  readonly composePlan: Locator;
  readonly entryPoint: Locator;

  constructor(readonly page: Page) {
    this.folder = page.getByLabel('App folder');
    this.mirror = page.getByLabel('Registry mirror');
    this.readFolder = page.getByRole('button', { name: 'Read folder' });
    this.deployButton = page.getByRole('main').getByRole('button', { name: 'Deploy', exact: true });
    this.facts = page.getByTestId('deploy-facts');
    this.url = page.getByTestId('deploy-url');
    this.dockerfile = page.getByLabel('Dockerfile');
    this.composePlan = page.getByTestId('compose-plan');
    this.entryPoint = page.getByLabel('Entry point');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('navigation').getByRole('link', { name: 'Deploy' }).click();
  }

  stage(name: string): Locator {
    return this.page.locator(`[data-stage="${name}"]`);
  }
}
