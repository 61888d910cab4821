import { startDevServer } from '../dev/start-dev-server.ts';
import { printPath } from '../dev/print-page.ts';
import type { DevCommand } from './parse-args.ts';

/** Runs `quire dev`: starts the preview server and reports every rebuild until stopped. */
export async function runDev(command: DevCommand): Promise<number> {
  const server = await startDevServer({
    manuscriptDir: command.manuscriptDir,
    port: command.port,
    onRebuild(rebuild) {
      for (const line of rebuild.messages) console.error(line);
      const state = rebuild.errors.length > 0 ? `${rebuild.errors.length} error(s), showing the last good build` : 'ok';
      console.log(`rebuilt in ${Math.round(rebuild.ms)} ms (${rebuild.parsed} parsed, ${rebuild.reused} unchanged): ${state}`);
    },
  });
  console.log(`preview at ${server.url} (print view: ${server.url.replace(/\/$/, '')}${printPath}); Ctrl-C stops`);
  await new Promise(() => undefined);
  return 0;
}
