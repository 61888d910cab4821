import type { PartPlan } from './book-parts.ts';

/**
 * Runs inside a part's page (sent with `page.evaluate`, so self-contained): turns the
 * document that was measured into the one to print, by what the plan says of it (see
 * `partPlan`): the page rules with running heads and folios replace the bare named pages,
 * blank versos go before the chapters that need them (and at the end, for the next
 * part's first chapter), the contents get their page numbers, and the measuring styles
 * go. The result is the document `renderPrintDocument` would write with the plan, without
 * parsing and styling the whole part again or loading its faces twice.
 */
export function applyPartPlan(plan: PartPlan): void {
  const blank = () => Object.assign(document.createElement('div'), { className: 'blank-page' });
  document.getElementById('measure-styles')?.remove();
  document.getElementById('page-styles')!.textContent = plan.pageStyles;
  for (const id of plan.blankBefore) document.getElementById(id)!.before(blank());
  if (plan.blankAfter) {
    // The part's last page: a break after it would add an empty page of its own.
    const last = Object.assign(blank(), { className: 'blank-page part-end' });
    Array.from(document.querySelectorAll('body > section.chapter, body > section.part-page')).at(-1)!.after(last);
  }
  for (const link of Array.from(document.querySelectorAll('.contents-list a'))) {
    const page = plan.folios[link.getAttribute('href')!.slice(1)];
    const number = link.querySelector('.toc-page');
    if (page !== undefined && number) number.textContent = page;
  }
}
