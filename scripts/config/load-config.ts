import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { reportError, reportWarning } from '../diagnostics/report.ts';
import { readSource } from '../manuscript/read-source.ts';
import { checkListedFile } from './check-listed-file.ts';
import { deriveIdentifier } from './derive-identifier.ts';
import { nearMiss } from './near-miss.ts';
import { readChapterLists } from './read-chapter-lists.ts';
import { labelsFor } from './labels.ts';
import { readStyleList } from './read-style-list.ts';
import { readLabelOverrides } from './label-overrides.ts';
import { readRuleSwitches } from './rule-switches.ts';
import { bookKeys, keySynonyms, trimSizes, type KeySpec } from './schema.ts';
import type { BookConfig } from './types.ts';

/** The result of loading `book.yaml`: the config (when usable) and the file with its messages. */
export interface LoadedConfig {
  config: BookConfig | undefined;
  file: VFile;
}

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Loads and validates `DIR/book.yaml`. Every problem is a located message on the returned
 * file; `config` is undefined only when the file cannot be used at all.
 */
export async function loadConfig(manuscriptDir: string): Promise<LoadedConfig> {
  const configPath = path.join(manuscriptDir, 'book.yaml');
  if (!existsSync(configPath)) {
    const { VFile } = await import('vfile');
    const file = new VFile({ path: configPath });
    reportError(file, 'No book.yaml in the manuscript folder: every manuscript needs one, with at least a `title`', undefined, 'missing-config');
    return { config: undefined, file };
  }
  const file = await readSource(configPath);
  if (file.messages.length > 0) return { config: undefined, file };

  const lines = new LineCounter();
  const doc = parseDocument(String(file.value), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const pointAt = (offset: number): Point => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  for (const error of doc.errors) {
    reportError(file, `Invalid YAML: ${firstLine(error.message)}`, pointAt(error.pos[0]), 'invalid-yaml');
  }
  if (doc.errors.length > 0) return { config: undefined, file };
  if (!isMap(doc.contents)) {
    reportError(file, 'book.yaml must be a mapping of keys to values', pointAt(0), 'invalid-config');
    return { config: undefined, file };
  }

  const values = new Map<string, { value: unknown; node: YamlNode | null; keyPoint: Point }>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPoint = pointAt(isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0);
    const node = (pair.value as YamlNode | null) ?? null;
    values.set(key, { value: node ? node.toJSON() : null, node, keyPoint });
  }

  const known = Object.keys(bookKeys);
  const variables: Record<string, unknown> = {};
  for (const [key, entry] of values) {
    if (Object.hasOwn(bookKeys, key)) continue;
    variables[key] = entry.value;
    const meant = nearMiss(key, known, keySynonyms);
    if (meant && !values.has(meant)) {
      reportWarning(file, `Unknown key \`${key}\`: did you mean \`${meant}\`? It is kept as a template variable`, entry.keyPoint, 'unknown-key');
    }
  }

  const read = <T>(key: string, check: (value: unknown, spec: KeySpec) => T | undefined): T | undefined => {
    const entry = values.get(key);
    const spec = bookKeys[key]!;
    if (!entry || entry.value === null || entry.value === '') {
      if (spec.required) reportError(file, `Missing required key \`${key}\``, pointAt(0), 'missing-key');
      return undefined;
    }
    const result = check(entry.value, spec);
    if (result === undefined) {
      const at = entry.node?.range ? pointAt(entry.node.range[0]) : entry.keyPoint;
      reportError(file, `\`${key}\` must be ${describe(spec)}`, at, 'invalid-value');
    }
    return result;
  };

  const title = read('title', asString);
  const authors = read('author', asStrings) ?? [];
  const lang = read('lang', asString) ?? 'en';
  const date = read('date', (value) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : asString(value);
    return text !== undefined && datePattern.test(text) ? text : undefined;
  });
  const trimName = read('trim', (value) => {
    const text = asString(value)?.toLowerCase().replace(/\s*[×x]\s*/, 'x').replace(/\s*in$/, '');
    return text !== undefined && Object.hasOwn(trimSizes, text) ? text : undefined;
  });
  let coverImage = read('cover-image', asString);
  if (coverImage !== undefined) {
    coverImage = checkListedFile(file, manuscriptDir, coverImage, values.get('cover-image')!, pointAt, 'missing-image');
  }
  const lists = readChapterLists(file, manuscriptDir, { chapters: values.get('chapters'), parts: values.get('parts') }, pointAt);

  const styles = readStyleList(file, manuscriptDir, values.get('styles'), pointAt);

  const check = values.get('check');
  const rulesOff = check ? readRuleSwitches(file, check.node, check.keyPoint, pointAt) : [];
  const labelsEntry = values.get('labels');
  const labelOverrides = labelsEntry ? readLabelOverrides(file, labelsEntry.node, labelsEntry.keyPoint, pointAt) : {};

  if (title === undefined) return { config: undefined, file };
  const trim = trimSizes[trimName ?? '6x9']!;
  const config: BookConfig = {
    title,
    subtitle: read('subtitle', asString),
    authors,
    lang,
    identifier: read('identifier', asString) ?? deriveIdentifier(title, authors),
    publisher: read('publisher', asString),
    rights: read('rights', asString),
    date,
    description: read('description', asString),
    subjects: read('subject', asStrings) ?? [],
    edition: read('edition', asString),
    printIdentifier: read('print-identifier', asString),
    pageList: read('page-list', asChoice) === 'none' ? 'none' : 'print',
    coverImage,
    chapters: lists?.chapters,
    parts: lists?.parts ?? [],
    trim: { name: trimName ?? '6x9', ...trim },
    styles,
    labels: labelsFor(lang, labelOverrides),
    rulesOff,
    variables,
  };
  return { config, file };
}

function asChoice(value: unknown, spec: KeySpec): string | undefined {
  const text = asString(value);
  return text !== undefined && spec.choices?.includes(text) ? text : undefined;
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function asStrings(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const items = value.map(asString);
    return items.every((item): item is string => item !== undefined) ? items : undefined;
  }
  const single = asString(value);
  return single === undefined ? undefined : [single];
}

function describe(spec: KeySpec): string {
  switch (spec.kind) {
    case 'strings':
    case 'paths':
      return 'a string or a list of strings';
    case 'date':
      return 'a date such as 2026, 2026-11 or 2026-11-25';
    case 'trim':
      return `one of ${Object.keys(trimSizes).join(', ')}`;
    case 'choice':
      return `one of ${spec.choices!.join(', ')}`;
    default:
      return 'a string';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
