import type { Element } from 'hast';

/** Adds the class `name` to `node`, unless it has it already. */
export function addClass(node: Element, name: string): void {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  if (!classes.includes(name)) node.properties.className = [...classes, name];
}
