/**
 * The faces a printed part needs are chosen by the characters it shows, and some are
 * written by the style sheets' `content`, not the document: their text is read from the
 * style sheet's source, escapes decoded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatedText } from '../scripts/pdf/css-generated-text.ts';
import { readTemplateFile } from '../scripts/render/templates.ts';

test('the text of content strings, CSS escapes decoded', () => {
  const css = `hr::after { content: "\\2042"; }
    q::before { content: '\\201C' "x\\"y"; color: red }
    p::after { content: "\\41 B\\\\"; }
    @page { @top-center { content: "Ζ" counter(page); } }
    .content-box { width: 1px; }`;
  assert.equal(generatedText(css), '⁂“x"yAB\\Ζ');
});

test("the print styles' asterism for a section break is found", () => {
  assert.match(generatedText(readTemplateFile('styles/base.css')), /⁂/);
});
