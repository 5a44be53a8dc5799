import { RUN_ID, uniqueName } from './run-id';
import { buildLabelledImage, dockerCli, TEST_LABEL } from './engine';

/**
 * A busybox image WITH a shell: FROM scratch + busybox-static, then `busybox --install -s /bin` links
 * every applet (sh, stty, vi, sleep, ...) to /bin/busybox under its own name. The plain busybox test
 * image has no /bin/sh, which makes it the "container without a shell".
 */
export async function buildShellImage(tag = `porthole-test-shell:${RUN_ID}`): Promise<string> {
  await buildLabelledImage(tag, {
    Dockerfile: [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'RUN mkdir -p /tmp /root /srv/data && echo "hello from the image" > /srv/data/hello.txt && chmod 1777 /tmp',
      'CMD ["/bin/sh"]',
      '',
    ].join('\n'),
  });
  return tag;
}

/**
 * The sleeping shell containers of one test file, made by name (labelled with the run's id), and all removed
 * by `removeAll` in the file's afterAll, whatever happened in its tests. Works under vitest and Playwright.
 */
export class ShellContainers {
  private image: string | null = null;
  private readonly names: string[] = [];

  /** Builds the shell image once, in the file's beforeAll. */
  async prepare(): Promise<void> {
    this.image = await buildShellImage();
  }

  /** `run` starts the container, `create` only creates it (stopped); returns its name. */
  async make(prefix: string, how: 'run' | 'create' = 'run'): Promise<string> {
    if (!this.image) throw new Error('ShellContainers.prepare() has not run');
    const name = this.track(uniqueName(prefix));
    await dockerCli(how, ...(how === 'run' ? ['-d'] : []), '--label', `${TEST_LABEL}=${RUN_ID}`, '--name', name, this.image, 'sleep', '3600');
    return name;
  }

  /** Another container the file made (of another image) to remove with these. */
  track(name: string): string {
    this.names.push(name);
    return name;
  }

  async removeAll(): Promise<void> {
    await Promise.all(this.names.map((name) => dockerCli('rm', '-f', name).catch(() => '')));
  }
}
