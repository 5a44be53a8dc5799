import { PagePart } from './page-part';

/** The "Pull an image" dialog, opened from the Images view's header. */
export class PullPage extends PagePart {
  readonly dialog = this.page.getByRole('dialog', { name: 'Pull an image' });
  readonly imageField = this.dialog.getByLabel('Image', { exact: true });
  readonly progress = this.dialog.getByTestId('pull-progress');
  readonly layers = this.dialog.getByTestId('layer-row');
  readonly done = this.dialog.getByTestId('pull-done');
  readonly error = this.dialog.getByRole('alert');

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pull image' }).first().click();
    await this.dialog.waitFor();
  }

  async pull(reference: string): Promise<void> {
    await this.imageField.fill(reference);
    await this.dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  }
}
