import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const topics = ['harbour', 'lighthouse', 'ferry', 'warehouse', 'customs house', 'chandlery', 'dry dock', 'pier'];

/**
 * Writes, into `dir`, a manuscript of the kind a large project keeps: 40 short chapters in
 * nested folders (`part-N/section-M/NN-name.md`), each listed in `book.yaml`'s `chapters:`,
 * with links between neighbours. The text is invented; every chapter differs. Returns the
 * chapter paths in reading order.
 */
export function writeListedNestedBook(dir: string, chapters = 40): string[] {
  const files: string[] = [];
  for (let index = 0; index < chapters; index++) {
    const part = Math.floor(index / 10) + 1;
    const section = Math.floor((index % 10) / 5) + 1;
    const topic = topics[index % topics.length]!;
    const name = `part-${part}/section-${section}/${String(index + 1).padStart(2, '0')}-${topic.replace(/ /g, '-')}.md`;
    files.push(name);
  }
  files.forEach((name, index) => {
    const topic = topics[index % topics.length]!;
    const next = files[index + 1];
    const link = next ? ` The walk goes on in [the next chapter](${path.posix.relative(path.posix.dirname(name), next)}).` : '';
    const text = `# ${index + 1}. The ${topic}, visit ${index + 1}\n\n` +
      `On visit number ${index + 1} the walker stopped at the ${topic} and counted ${index * 3 + 4} boats tied up along the quay. ` +
      `The tide was ${index % 2 ? 'rising' : 'falling'}, and the gulls argued over whatever the fishermen had thrown back into the water. ` +
      `Nothing much happened, which is the point of a walk like this one: the notes are short, and there are many of them.${link}\n\n` +
      `## What was seen\n\nA painted sign, a coil of rope, a dog asleep on a folded sail, and a clock on the ${topic} that was ${index % 5} minutes slow.\n`;
    mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  });
  writeFileSync(
    path.join(dir, 'book.yaml'),
    'title: "Forty Walks Along the Quay"\nauthor: "Corpus Fixture"\nlang: en\n' +
      'identifier: "urn:uuid:3f6a1c2e-8d41-4b7a-9c55-0e2d7f1a9b06"\ndate: "2026-03-06"\n' +
      `chapters:\n${files.map((file) => `  - ${file}\n`).join('')}`,
  );
  return files;
}
