import { stringify } from 'yaml';

/** A new chapter's Markdown: front matter with its title, the heading, and a line to replace. */
export function chapterText(title: string, body = 'Write here.'): string {
  const frontMatter = stringify({ title });
  return `---\n${frontMatter}---\n\n# ${title}\n\n${body}\n`;
}
