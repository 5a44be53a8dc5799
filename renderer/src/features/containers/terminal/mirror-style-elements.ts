/**
 * xterm.js writes its theme colours, font and cell sizes into `<style>` elements it creates, and the
 * strict CSP (`style-src 'self'`) refuses to apply those: the terminal would draw in the page's font,
 * without colours or cursor. Rules set through a constructed stylesheet (CSSOM) are not subject to
 * `style-src`, so each such element's text is mirrored into one, kept in step as xterm rewrites it.
 * Only the elements' parents are watched (not the rows), so the terminal's output costs nothing here.
 */
export function mirrorStyleElements(root: HTMLElement): () => void {
  const sheets = new Map<HTMLStyleElement, CSSStyleSheet>();
  const watchedParents = new WeakSet<Node>();
  const doc = root.ownerDocument;
  const retired = new WeakSet<CSSStyleSheet>();

  const publish = () => {
    const ours = new Set(sheets.values());
    const others = doc.adoptedStyleSheets.filter((s) => !ours.has(s) && !retired.has(s));
    doc.adoptedStyleSheets = [...others, ...ours];
  };

  const styleObserver = new MutationObserver((records) => {
    const changed = new Set<HTMLStyleElement>();
    for (const r of records) {
      const el = r.target instanceof HTMLStyleElement ? r.target : r.target.parentElement;
      if (el instanceof HTMLStyleElement) changed.add(el);
    }
    for (const el of changed) sheets.get(el)?.replaceSync(el.textContent ?? '');
  });

  const parentObserver = new MutationObserver(() => scan());

  function scan(): void {
    for (const el of root.querySelectorAll('style')) {
      if (sheets.has(el)) continue;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(el.textContent ?? '');
      sheets.set(el, sheet);
      styleObserver.observe(el, { childList: true, characterData: true, subtree: true });
      const parent = el.parentNode;
      if (parent && !watchedParents.has(parent)) {
        watchedParents.add(parent);
        parentObserver.observe(parent, { childList: true });
      }
    }
    for (const [el, sheet] of sheets) {
      if (root.contains(el)) continue;
      sheets.delete(el);
      retired.add(sheet);
    }
    publish();
  }

  // xterm creates its screen's style elements lazily (sizes once measured): watch the screen for them.
  const screen = root.querySelector('.xterm-screen');
  if (screen) {
    watchedParents.add(screen);
    parentObserver.observe(screen, { childList: true });
  }
  scan();

  return () => {
    styleObserver.disconnect();
    parentObserver.disconnect();
    for (const sheet of sheets.values()) retired.add(sheet);
    sheets.clear();
    publish();
  };
}
