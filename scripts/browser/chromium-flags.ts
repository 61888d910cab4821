/**
 * Flags that let Chromium run headless in containers and CI without touching the network.
 * `--host-resolver-rules` makes every host name and address unresolvable, IP literals
 * included, so even a connection Chromium opens ahead of a request (an iframe's
 * navigation, say) that request interception would then refuse is never made. The first
 * two features turned off make Chromium 15x preload the omnibox's popups, in a renderer of
 * their own, for every browser context (every part of a book is printed in one): about
 * half a second of CPU each, which on two cores is time taken from the parse and the
 * print. Puppeteer turns them off by default from its PR #15278, which is not in 24.x.
 * The third makes Chromium start a spare renderer after each page it opens, for the next
 * one; but the next page is in a context of its own, which cannot use it (ten copies of
 * the default book as one catalog: 28 renderers, 8.4 s; without spares, 10 and 7.5 s).
 * `--font-render-hinting=none` is what the full browser does anyway; the headless shell
 * otherwise rounds glyph advances to whole pixels, which spaces letters unevenly and set
 * Moby-Dick on 693 pages instead of 677 (see `systemBrowserPaths`).
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
