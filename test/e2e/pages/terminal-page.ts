import { expect, type Locator, type Page } from '@playwright/test';

/** The Terminal tab of a container's detail, as a user drives it. */
export class TerminalPage {
  constructor(readonly page: Page) {}

  get panes(): Locator {
    return this.page.getByTestId('terminal-pane');
  }

  get active(): Locator {
    return this.page.locator('[data-testid="terminal-pane"]:not([hidden])');
  }

  /** What the visible terminal shows (xterm's DOM renderer keeps one div per row). */
  screen(): Promise<string> {
    return this.active.locator('.xterm-rows').innerText();
  }

  async focus(): Promise<void> {
    await this.active.locator('.xterm-screen').click();
  }

  async run(line: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async waitFor(pattern: RegExp, timeout = 10_000): Promise<void> {
    await expect.poll(() => this.screen(), { timeout, intervals: [50, 100, 200] }).toMatch(pattern);
  }

  async waitLive(): Promise<void> {
    await expect(this.active).toHaveAttribute('data-phase', 'live', { timeout: 15_000 });
  }
}
