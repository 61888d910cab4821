/** Unit tests of the words a book prints: the tables by language, and `labels:` in book.yaml. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../scripts/config/load-config.ts';
import { label, labelsFor } from '../scripts/config/labels.ts';
import { tempDir } from './helpers/run-cli.ts';

test('each language has the words its publishers print, and a tag falls back to its language', () => {
  const contents = (lang: string) => labelsFor(lang).contents;
  assert.equal(contents('en'), 'Contents');
  assert.equal(contents('de-AT'), 'Inhalt');
  assert.equal(contents('fr'), 'Table des matières');
  assert.equal(contents('es-MX'), 'Índice');
  assert.equal(contents('it'), 'Indice');
  assert.equal(contents('pt-BR'), 'Sumário');
  assert.equal(contents('pt-PT'), 'Índice');
  assert.equal(contents('ru'), 'Содержание');
  assert.equal(contents('ja-JP'), '目次');
  assert.equal(contents('zh-CN'), '目录');
  assert.equal(contents('zh-Hans-CN'), '目录');
  assert.equal(contents('zh-TW'), '目錄');
  assert.equal(contents('zh-Hant-HK'), '目錄');
  assert.equal(contents('ar-EG'), 'المحتويات');
  assert.equal(contents('xx-unknown'), 'Contents');
  assert.equal(contents('EN_gb'), 'Contents');
});

test('labels take their values: a chapter or part number, a title', () => {
  assert.equal(label(labelsFor('en'), 'chapter', { n: 3 }), 'Chapter 3');
  assert.equal(label(labelsFor('ja'), 'chapter', { n: 3 }), '第3章');
  assert.equal(label(labelsFor('ru'), 'part', { n: 2 }), 'Часть 2');
  assert.equal(label(labelsFor('de'), 'cover-of', { title: 'Faust' }), 'Cover von Faust');
  assert.equal(label(labelsFor('en'), 'chapter'), 'Chapter {n}');
});

test('`labels:` in book.yaml overrides the language\'s words; unknown names are near-miss warnings', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T\nlang: de\nlabels:\n  contents: Inhaltsverzeichnis\n  contnets: X\n  frobnicate: Y\n  notes: ""\n');
  const { config, file } = await loadConfig(dir);
  assert.equal(config?.labels.contents, 'Inhaltsverzeichnis');
  assert.equal(config?.labels.notes, 'Anmerkungen');
  assert.equal(config?.labels.chapter, 'Kapitel {n}');
  const messages = file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
  assert.deepEqual(messages, [
    '5:3 unknown-key Unknown label `contnets` in `labels`: did you mean `contents`? It is not used',
    `6:3 unknown-key Unknown label \`frobnicate\` in \`labels\`: the labels are ${Object.keys(labelsFor('en')).join(', ')}. It is not used`,
    '7:10 invalid-value `labels.notes` must be a non-empty string',
  ]);
});

test('`labels` that is not a mapping is an error', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T\nlabels: Inhalt\n');
  const { file } = await loadConfig(dir);
  assert.deepEqual(file.messages.map((message) => message.ruleId), ['invalid-value']);
});
