import { RUN_ID } from './run-id';
import { dockerCli, makeContext, TEST_LABEL } from './engine';

/**
 * A busybox image WITH a shell: FROM scratch + busybox-static, then `busybox --install -s /bin` links
 * every applet (sh, stty, vi, sleep, ...) to /bin/busybox under its own name. The plain busybox test
 * image has no /bin/sh, which makes it the "container without a shell".
 */
export async function buildShellImage(tag = `porthole-test-shell:${RUN_ID}`): Promise<string> {
  const dir = await makeContext(
    {
      Dockerfile: [
        'FROM scratch',
        'COPY busybox /bin/busybox',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        'RUN mkdir -p /tmp /root /srv/data && echo "hello from the image" > /srv/data/hello.txt && chmod 1777 /tmp',
        'CMD ["/bin/sh"]',
        '',
      ].join('\n'),
    },
    { busybox: true },
  );
  await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, dir);
  return tag;
}
