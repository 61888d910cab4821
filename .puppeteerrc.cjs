/**
 * Puppeteer configuration: never download a browser. The build uses the
 * Chromium found by scripts/browser/resolve-browser.ts (PUPPETEER_EXECUTABLE_PATH,
 * Puppeteer's cache, then system paths such as Debian's /usr/bin/chromium).
 */
module.exports = { skipDownload: true };
