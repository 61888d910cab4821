import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import mime from 'mime';
import { forgetCompiledTemplates, templatesDir } from '../render/templates.ts';
import { eventsPath, LiveReload, previewAddition } from './live-reload.ts';
import { PreviewSite, type Rebuild } from './preview-site.ts';
import { PrintPreview } from './print-preview.ts';
import { printPage, printPath, printPdfPath } from './print-page.ts';
import { requestPath } from './request-path.ts';
import { watchFolders } from './watch-manuscript.ts';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  manuscriptDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Told of every rebuild, for the terminal. */
  onRebuild?: (rebuild: Rebuild) => void;
}

/** A running preview server. */
export interface DevServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the preview server on 127.0.0.1: the web edition as the build renders it, rebuilt
 * when a chapter, `book.yaml`, an image or a template changes, with pages reloaded over
 * server-sent events and errors shown over the page; a print view whose PDF is built in the
 * background on demand. It serves only the files it built (the manuscript's images among
 * them); any other path is 404 and a path that tries to climb out is 403. No listings.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const manuscriptDir = path.resolve(options.manuscriptDir);
  const site = new PreviewSite(manuscriptDir);
  const print = new PrintPreview(manuscriptDir);
  const live = new LiveReload();
  let queue = Promise.resolve();
  const rebuild = () => {
    queue = queue.then(async () => {
      const result = await site.rebuild();
      options.onRebuild?.(result);
      live.send('reload', { errors: result.errors.length });
    });
    return queue;
  };
  await rebuild();
  const watcher = watchFolders([manuscriptDir, templatesDir], ({ paths }) => {
    if (paths.some((changed) => changed.startsWith(templatesDir))) forgetCompiledTemplates();
    void rebuild();
  });

  const server: Server = createServer((request, response) => {
    respond(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`internal error: ${(error as Error).message}`);
    });
  });
  const respond = async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    if (url === eventsPath) return live.attach(response);
    if (url === printPath) return send(response, 200, 'text/html; charset=utf-8', printPage(print.state) + previewAddition([]));
    if (url === `${printPath}/refresh` && request.method === 'POST') {
      print.refresh(() => live.send('reload'));
      return send(response, 202, 'text/plain; charset=utf-8', 'building\n');
    }
    if (url.startsWith(printPdfPath)) {
      return print.pdf ? send(response, 200, 'application/pdf', print.pdf) : send(response, 404, 'text/plain; charset=utf-8', 'No PDF yet\n');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    const wanted = requestPath(url);
    if (!wanted.ok) return send(response, wanted.status, 'text/plain; charset=utf-8', 'Refused\n');
    const data = site.file(wanted.path);
    if (data === undefined) {
      if (!site.book && wanted.path.endsWith('.html')) {
        // Nothing has built yet: the overlay is all there is.
        return send(response, 503, 'text/html; charset=utf-8', `<!DOCTYPE html><title>Errors</title><body>${previewAddition(site.errors)}</body>`);
      }
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
    }
    const type = mime.getType(wanted.path) ?? 'application/octet-stream';
    if (type === 'text/html') {
      const page = String(data).replace('</body>', `${previewAddition(site.errors)}</body>`);
      return send(response, 200, 'text/html; charset=utf-8', page);
    }
    return send(response, 200, type, data);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      watcher.close();
      live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      await print.close();
    },
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}
