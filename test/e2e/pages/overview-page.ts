import { SectionPage } from './page-part';

export class OverviewPage extends SectionPage {
  protected readonly section = 'Overview';
  readonly engineVersion = this.page.getByTestId('engine-version');
  private readonly count = (what: 'running' | 'stopped' | 'paused' | 'images') => this.page.getByTestId(`count-${what}`);
  readonly running = this.count('running');
  readonly stopped = this.count('stopped');
  readonly paused = this.count('paused');
  readonly images = this.count('images');
}
