import type { PrintState } from './print-preview.ts';

/** The print view's page. */
export const printPath = '/__quire/print';
/** The print view's PDF. */
export const printPdfPath = '/__quire/print.pdf';

/**
 * The print view: where the background PDF stands, a button that builds it again, and
 * the PDF itself in the browser's viewer once there is one.
 */
export function printPage(state: PrintState): string {
  const status = {
    none: 'No PDF yet.',
    building: 'Building the PDF in the background…',
    ready: state.status === 'ready' ? `Built ${state.builtAt.toLocaleTimeString('en-GB')}, ${state.pages} pages.` : '',
    failed: state.status === 'failed' ? `The PDF failed: ${state.reason.replace(/[&<>]/g, '')}` : '',
  }[state.status];
  const viewer = state.status === 'ready' ? `<iframe src="${printPdfPath}?t=${state.builtAt.getTime()}" style="width:100%;height:85vh;border:0"></iframe>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Print view</title></head>
<body style="font-family:sans-serif;margin:1em">
<p><a href="/">← Web edition</a> · ${status}
<button onclick="fetch('${printPath}/refresh',{method:'POST'}).then(()=>location.reload())"${state.status === 'building' ? ' disabled' : ''}>Build the PDF</button></p>
${viewer}
</body></html>`;
}
