import type { Matter } from './types.ts';

const frontTypes = new Set(['dedication', 'epigraph', 'foreword', 'preface', 'prologue', 'preamble', 'halftitlepage', 'titlepage', 'copyright-page', 'toc']);
const backTypes = new Set(['appendix', 'glossary', 'bibliography', 'index', 'colophon', 'endnotes', 'acknowledgments', 'afterword', 'contributors', 'other-credits']);

/**
 * ARIA roles of the EPUB structural types that have one (DPUB-ARIA), so that `epub:type`
 * and `role` always travel together.
 */
export const ariaRoles: Readonly<Record<string, string>> = {
  abstract: 'doc-abstract',
  acknowledgments: 'doc-acknowledgments',
  afterword: 'doc-afterword',
  appendix: 'doc-appendix',
  bibliography: 'doc-bibliography',
  chapter: 'doc-chapter',
  colophon: 'doc-colophon',
  conclusion: 'doc-conclusion',
  dedication: 'doc-dedication',
  endnotes: 'doc-endnotes',
  epigraph: 'doc-epigraph',
  epilogue: 'doc-epilogue',
  foreword: 'doc-foreword',
  glossary: 'doc-glossary',
  index: 'doc-index',
  introduction: 'doc-introduction',
  part: 'doc-part',
  preface: 'doc-preface',
  prologue: 'doc-prologue',
};

/**
 * The matter a chapter belongs to: what its front matter says, else what its EPUB type
 * implies (a glossary is back matter, a dedication front matter), else body matter.
 */
export function matterOf(declared: unknown, epubType: string): Matter | undefined {
  if (declared !== undefined) {
    const text = String(declared).toLowerCase().replace(/[\s_-]/g, '');
    if (text === 'frontmatter' || text === 'front') return 'frontmatter';
    if (text === 'bodymatter' || text === 'body') return 'bodymatter';
    if (text === 'backmatter' || text === 'back') return 'backmatter';
    return undefined;
  }
  if (frontTypes.has(epubType)) return 'frontmatter';
  if (backTypes.has(epubType)) return 'backmatter';
  return 'bodymatter';
}
