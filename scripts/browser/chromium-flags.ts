/**
 * Flags that let Chromium run headless in containers and CI without touching the network.
 * `--host-resolver-rules` makes every host name and address unresolvable, IP literals
 * included, so even a connection Chromium opens ahead of a request (an iframe's
 * navigation, say) that request interception would then refuse is never made. The first
 * two features turned off make Chromium 15x preload the omnibox's popups, in a renderer of
 * their own, for every browser context (every part of a book is printed in one): CPU
 * time that, on two cores, is taken from the parse and the print. Puppeteer turns them
 * off by default from its PR #15278, which is not in 24.x. The third makes Chromium
 * start a spare renderer after each page it opens, for the next one; but the next page
 * is in a context of its own, which cannot use it, so a catalog started many more
 * renderers than it had pages, and took longer.
 * `--font-render-hinting=none` is what the full browser does anyway; the headless shell
 * otherwise rounds glyph advances to whole pixels, which spaces letters unevenly and sets
 * a long book on more pages (see `systemBrowserPaths`). The figures behind each flag are
 * in docs/performance.md, 'Figures behind the design'.
 */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
];
