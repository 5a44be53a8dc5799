import type { Locator } from '@playwright/test';
import { SectionPage } from './page-part';

/** The Images view, the build dialog and the run dialog, as a user finds them. */
export class ImagesPage extends SectionPage {
  protected readonly section = 'Images';
  readonly search = this.page.getByRole('searchbox', { name: 'Search images' });
  readonly buildButton = this.page.getByRole('button', { name: 'Build image' }).first();
  readonly dialog = this.page.getByRole('dialog');

  override async open(url?: string): Promise<void> {
    await super.open(url);
    await this.page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
  }

  /** The row of an image by its first repo:tag (`name` alone means `name:latest`). */
  row(tag: string): Locator {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    return this.page.locator(`[data-testid="image-row"][data-tag="${full}"]`);
  }

  // --- Build an image -------------------------------------------------------------------------
  readonly buildDialog = this.page.getByRole('dialog', { name: 'Build an image' });
  readonly folderField = this.buildDialog.getByLabel('Folder', { exact: true });
  readonly tagField = this.buildDialog.getByLabel('Tag', { exact: true });
  readonly dockerfileField = this.buildDialog.getByLabel('Dockerfile', { exact: true });
  readonly folderNote = this.buildDialog.getByTestId('folder-note');
  readonly tagNote = this.buildDialog.getByTestId('tag-note');
  readonly startBuildButton = this.buildDialog.getByRole('button', { name: 'Build', exact: true });
  readonly buildOutput = this.buildDialog.getByTestId('build-output');
  readonly buildStatus = this.buildDialog.getByTestId('build-status');
  readonly buildStep = this.buildDialog.getByTestId('build-step');
  readonly cancelBuildButton = this.buildDialog.getByRole('button', { name: 'Cancel build' });
  readonly buildError = this.buildDialog.getByRole('alert');

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
  readonly runDialog = this.page.getByRole('dialog', { name: 'Run a container' });
  readonly containerName = this.runDialog.getByLabel('Container name');
  hostPort(index = 0): Locator {
    return this.runDialog.getByLabel('Host port').nth(index);
  }
  containerPort(index = 0): Locator {
    return this.runDialog.getByLabel('Container port').nth(index);
  }
  readonly runButton = this.runDialog.getByRole('button', { name: 'Run', exact: true });
  readonly runError = this.runDialog.getByRole('alert');

  async openRun(tag: string): Promise<void> {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    await this.row(tag).getByRole('button', { name: `Run ${full}` }).click();
    await this.containerName.waitFor();
  }

  // --- Remove -----------------------------------------------------------------------------------
  readonly removeDialog = this.page.getByRole('dialog', { name: 'Remove image' });

  async openRemove(tag: string): Promise<void> {
    const full = tag.includes(':') ? tag : `${tag}:latest`;
    await this.row(tag).getByRole('button', { name: `Remove ${full}` }).click();
    await this.removeDialog.waitFor();
  }
}
