import type { Page } from '@playwright/test';

/** A part of the app's page that a page object describes; its locators are fields made from `page`. */
export class PagePart {
  constructor(readonly page: Page) {}
}

/** A view reached from the sidebar ("Sections" navigation) by the link named `section`. */
export abstract class SectionPage extends PagePart {
  protected abstract readonly section: string;

  /** Loads the app first when given its URL, then follows the view's link. */
  async open(url?: string): Promise<void> {
    if (url) await this.page.goto(url);
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: this.section, exact: true }).click();
  }
}
