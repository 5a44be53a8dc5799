import type { Locator, Page } from '@playwright/test';

/** The Images view, the build dialog and the run dialog, as a user finds them. */
export class ImagesPage {
  readonly search: Locator;
  readonly buildButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search images' });
    this.buildButton = page.getByRole('button', { name: 'Build image' }).first();
    this.dialog = page.getByRole('dialog');
  }

  async open(url?: string): Promise<void> {
    if (url) await this.page.goto(url);
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Images' }).click();
    await this.page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
  }

  /** The row of an image by its first repo:tag (`name` alone means `name:latest`). */
  row(tag: string): Locator {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    return this.page.locator(`[data-testid="image-row"][data-tag="${full}"]`);
  }

  // --- Build an image -------------------------------------------------------------------------
  get buildDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Build an image' });
  }
  get folderField(): Locator {
    return this.buildDialog.getByLabel('Folder', { exact: true });
  }
  get tagField(): Locator {
    return this.buildDialog.getByLabel('Tag', { exact: true });
  }
  get dockerfileField(): Locator {
    return this.buildDialog.getByLabel('Dockerfile', { exact: true });
  }
  get folderNote(): Locator {
    return this.buildDialog.getByTestId('folder-note');
  }
  get tagNote(): Locator {
    return this.buildDialog.getByTestId('tag-note');
  }
  get startBuildButton(): Locator {
    return this.buildDialog.getByRole('button', { name: 'Build', exact: true });
  }
  get buildOutput(): Locator {
    return this.buildDialog.getByTestId('build-output');
  }
  get buildStatus(): Locator {
    return this.buildDialog.getByTestId('build-status');
  }
  get buildStep(): Locator {
    return this.buildDialog.getByTestId('build-step');
  }
  get cancelBuildButton(): Locator {
    return this.buildDialog.getByRole('button', { name: 'Cancel build' });
  }
  get buildError(): Locator {
    return this.buildDialog.getByRole('alert');
  }

  async openBuild(): Promise<void> {
    await this.buildButton.click();
    await this.buildDialog.waitFor();
  }

  /** Fills the form; waits until the folder has been checked (the Build button needs it). */
  async fillBuild(folder: string, tag: string, dockerfile?: string): Promise<void> {
    await this.folderField.fill(folder);
    if (dockerfile !== undefined) await this.dockerfileField.fill(dockerfile);
    await this.tagField.fill(tag);
  }

  async build(folder: string, tag: string): Promise<void> {
    await this.openBuild();
    await this.fillBuild(folder, tag);
    await this.startBuildButton.click();
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  }

  // --- Run a container -------------------------------------------------------------------------
  get runDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Run a container' });
  }
  get containerName(): Locator {
    return this.runDialog.getByLabel('Container name');
  }
  hostPort(index = 0): Locator {
    return this.runDialog.getByLabel('Host port').nth(index);
  }
  containerPort(index = 0): Locator {
    return this.runDialog.getByLabel('Container port').nth(index);
  }
  get runButton(): Locator {
    return this.runDialog.getByRole('button', { name: 'Run', exact: true });
  }
  get runError(): Locator {
    return this.runDialog.getByRole('alert');
  }

  async openRun(tag: string): Promise<void> {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    await this.row(tag).getByRole('button', { name: `Run ${full}` }).click();
    await this.containerName.waitFor();
  }

  // --- Remove -----------------------------------------------------------------------------------
  get removeDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Remove image' });
  }

  async openRemove(tag: string): Promise<void> {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    await this.row(tag).getByRole('button', { name: `Remove ${full}` }).click();
    await this.removeDialog.waitFor();
  }
}
