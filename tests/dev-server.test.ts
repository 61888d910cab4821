/**
 * The preview server on a copy of the default book, over real HTTP: pages and navigation,
 * an edit seen through the server-sent reload and a re-fetch, containment, and errors
 * shown in the page until the manuscript is fixed. Waits poll with a deadline; nothing
 * here asserts how long anything took.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startDevServer, type DevServer } from '../scripts/dev/start-dev-server.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

let manuscript: string;
let server: DevServer;

before(async () => {
  manuscript = tempDir();
  cpSync(defaultManuscript, manuscript, { recursive: true });
  server = await startDevServer({ manuscriptDir: manuscript, port: 0 });
});

after(async () => {
  await server.close();
});

/** GETs `rawPath` exactly as written (no URL normalisation), returning status and body. */
function get(rawPath: string): Promise<{ status: number; body: string; type: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']) }));
    }).on('error', reject);
  });
}

/** Polls `probe` until it holds, failing after `ms`. */
async function eventually(probe: () => Promise<boolean>, what: string, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) assert.fail(`not seen in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('serves the web edition on 127.0.0.1 with navigation between chapters and the reload script', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /The Commissar Who Crossed Over/);
  assert.match(home.body, /href="introduction\.html"/);
  const chapter = await get('/odessa-to-moscow.html');
  assert.equal(chapter.status, 200);
  assert.match(chapter.body, /rel="prev" href="introduction\.html"/);
  assert.match(chapter.body, /rel="next" href="across-the-border\.html"/);
  assert.match(chapter.body, /new EventSource\("\/__quire\/events"\)/);
  const image = await get('/images/chain-of-command.svg');
  assert.equal(image.status, 200);
  assert.equal(image.type, 'image/svg+xml');
});

test('serves nothing but what it built: traversal, encoded traversal, sources and folders are refused', async () => {
  for (const rawPath of ['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/images/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
    const { status } = await get(rawPath);
    assert.ok(status === 403 || status === 404, `${rawPath}: ${status}`);
  }
  for (const rawPath of ['/package.json', '/book.yaml', '/introduction.md', '/images/', '/fonts/']) {
    assert.equal((await get(rawPath)).status, 404, rawPath);
  }
});

test('an appended sentence is announced over server-sent events and served on a re-fetch', async () => {
  const { hostname, port } = new URL(server.url);
  const events: string[] = [];
  const stream = http.get({ hostname, port, path: '/__quire/events' }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => events.push(chunk));
  });
  try {
    await eventually(async () => events.join('').includes(': connected'), 'the event stream opens');
    appendFileSync(path.join(manuscript, 'tokyo.md'), '\nA sentence the preview must show at once.\n');
    await eventually(async () => events.join('').includes('event: reload'), 'a reload event');
    await eventually(async () => (await get('/tokyo.html')).body.includes('A sentence the preview must show at once.'), 'the new sentence');
  } finally {
    stream.destroy();
  }
});

test('a broken book.yaml is shown in the page with its place, and the preview recovers when it is fixed', async () => {
  const configPath = path.join(manuscript, 'book.yaml');
  const good = readFileSync(configPath, 'utf8');
  writeFileSync(configPath, `title: [unclosed\n${good}`);
  await eventually(async () => /book\.yaml:\d+:\d+: error: Invalid YAML.*\[invalid-yaml\]/.test((await get('/introduction.html')).body), 'the error overlay');
  const page = await get('/introduction.html');
  assert.equal(page.status, 200, 'the last good build is still served under the overlay');
  assert.match(page.body, /id="quire-overlay"/);
  writeFileSync(configPath, good);
  await eventually(async () => !(await get('/introduction.html')).body.includes('quire-overlay'), 'recovery');
});

test('the print view builds the PDF in the background on demand and serves it', async () => {
  assert.equal((await get('/__quire/print.pdf')).status, 404, 'no PDF before one is asked for');
  const { hostname, port } = new URL(server.url);
  const status = await new Promise<number>((resolve, reject) => {
    http.request({ hostname, port, path: '/__quire/print/refresh', method: 'POST' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject).end();
  });
  assert.equal(status, 202);
  assert.equal((await get('/introduction.html')).status, 200, 'the text preview does not wait for the PDF');
  await eventually(async () => /Built .*, \d+ pages\./.test((await get('/__quire/print')).body), 'the PDF', 180_000);
  const pdf = await get('/__quire/print.pdf');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.ok(pdf.body.startsWith('%PDF-'));
});
