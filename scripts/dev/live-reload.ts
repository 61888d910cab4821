import type { ServerResponse } from 'node:http';

/** The path of the server-sent events stream that tells pages to reload. */
export const eventsPath = '/__quire/events';

/** Browsers listening for reloads over server-sent events. */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();

  /** Keeps `response` open as an event stream until the browser goes away. */
  attach(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  /** Sends one event to every browser: `reload` after a rebuild, `print` when a PDF is ready. */
  send(event: 'reload' | 'print', data: unknown = {}): void {
    for (const client of this.#clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * What the preview adds to every page before `</body>`: the script that reloads on
 * `reload`, and, while the manuscript has errors, an overlay listing them with their
 * places (the page under it is the last good build).
 */
export function previewAddition(problems: readonly string[]): string {
  const script = `<script>new EventSource(${JSON.stringify(eventsPath)}).addEventListener('reload', () => location.reload());</script>`;
  if (problems.length === 0) return script;
  const items = problems.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<div id="quire-overlay" role="alert" style="position:fixed;inset:0;overflow:auto;background:rgba(30,0,0,.92);color:#fff;font:14px/1.5 monospace;padding:2em;z-index:9999"><h2 style="font:bold 18px sans-serif">The manuscript has errors; this is the last good build</h2><ul>${items}</ul></div>${script}`;
}
