/**
 * epub-gen-memory's fetcher (`dist/lib/util/fetchable.js`) as the bundle carries it. The
 * library fetches the images, fonts and cover it is given by URL, with node-fetch; quire
 * gives it none (its wrapper adds every file itself, see `scripts/epub/package-epub.ts`).
 * So the bundle leaves out node-fetch and the URL parser it brings (whatwg-url, tr46: a
 * sizeable share of the bundle, see docs/performance.md), and a fetch that could only
 * come from a bug is refused, never
 * made: the packaging step has no way to the network or to the file system.
 */
'use strict';

exports.type = 'nodebuffer';
exports.default = function fetchable(url) {
  return Promise.reject(new Error(`quire gives epub-gen-memory nothing to fetch, yet it asked for ${url}`));
};
