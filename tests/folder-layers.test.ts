/**
 * The folders under scripts/ form layers: the graph of imports between folders has no cycle.
 * Each folder is a node of its own (a subfolder apart from its parent; the root files are `.`).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/run-cli.ts';
import { projectRoot } from './helpers/paths.ts';

/** One import that makes an edge between two folders: the importing file and what it names. */
interface ImportSite {
  file: string;
  specifier: string;
}

/** Folder → folder → the imports that make that edge, every path relative to the root. */
type FolderGraph = Map<string, Map<string, ImportSite[]>>;

const modulePattern = /\.(?:ts|mjs|cjs)$/;
/** Static `from '…'`, bare `import '…'`, dynamic `import('…')` and `require('…')` of a relative path. */
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** Lists every module file under `dir`, relative to `root`. */
function moduleFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return moduleFiles(root, full);
    return modulePattern.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

/** Reads the folder graph of the modules under `root`; imports that leave `root` are not edges. */
function folderGraph(root: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of moduleFiles(root)) {
    const from = path.dirname(file);
    for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(importPattern)) {
      const target = path.relative(root, path.resolve(root, from, match[2]!));
      if (target.startsWith('..')) continue;
      const to = path.dirname(target);
      if (to === from) continue;
      const targets = graph.get(from) ?? new Map<string, ImportSite[]>();
      graph.set(from, targets);
      targets.set(to, [...(targets.get(to) ?? []), { file, specifier: match[2]! }]);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one folder: each holds a cycle. */
function cyclicComponents(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** A shortest cycle through the component's first folder, as folders from start back to start. */
function cycleIn(graph: FolderGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!members.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, node);
      if (next === start) {
        const between: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) between.unshift(at);
        return [start, ...between, start];
      }
      queue.push(next);
    }
  }
  throw new Error(`no cycle through ${start}`);
}

/** Names each edge of one cycle per cyclic component (`a → b: file → import, …`); empty when the graph is a DAG. */
function describeCycles(graph: FolderGraph): string[] {
  return cyclicComponents(graph).map((component) => {
    const cycle = cycleIn(graph, component);
    const edges = cycle.slice(1).map((to, i) => {
      const from = cycle[i]!;
      const sites = graph.get(from)!.get(to)!.map((site) => `${site.file} → ${site.specifier}`);
      return `  ${from} → ${to}: ${sites.join(', ')}`;
    });
    return `cycle among {${component.join(', ')}}:\n${edges.join('\n')}`;
  });
}

test('a cycle of folders is found and named edge by edge, static, dynamic and re-export imports alike', () => {
  const root = tempDir();
  const files: Record<string, string> = {
    'top.ts': "import { a } from './a/a.ts';\n",
    'a/a.ts': "export { b } from '../b/b.ts';\nexport const a = 1;\n",
    'b/b.ts': "export const b = () => import('../c/deep/c.mjs');\n",
    'c/deep/c.mjs': "import '../../a/a.ts';\nimport x from 'node:fs';\n",
    'c/deep/d.cjs': "require('../../top.ts');\n",
    'lone/e.ts': "import { a } from '../a/a.ts';\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const cycles = describeCycles(folderGraph(root));
  assert.equal(cycles.length, 1);
  assert.equal(
    cycles[0],
    [
      'cycle among {., a, b, c/deep}:',
      '  . → a: top.ts → ./a/a.ts',
      '  a → b: a/a.ts → ../b/b.ts',
      '  b → c/deep: b/b.ts → ../c/deep/c.mjs',
      '  c/deep → .: c/deep/d.cjs → ../../top.ts',
    ].join('\n'),
  );
});

test('the folders under scripts/ import one another without a cycle', () => {
  const graph = folderGraph(path.join(projectRoot, 'scripts'));
  assert.ok(graph.size > 20, `only ${graph.size} folders import from another folder: the import pattern has stopped matching`);
  assert.deepEqual(describeCycles(graph), []);
});
