import { distance } from 'fastest-levenshtein';

/**
 * The known key that `key` most probably misspells, or undefined. A near miss is at most
 * two edits away (one for short keys), or a listed synonym.
 */
export function nearMiss(
  key: string,
  known: readonly string[],
  synonyms: Readonly<Record<string, string>> = {},
): string | undefined {
  const lower = key.toLowerCase();
  if (Object.hasOwn(synonyms, lower)) return synonyms[lower];
  let best: { key: string; edits: number } | undefined;
  for (const candidate of known) {
    const edits = distance(lower, candidate);
    const allowed = candidate.length <= 4 ? 1 : 2;
    if (edits > 0 && edits <= allowed && (!best || edits < best.edits)) best = { key: candidate, edits };
  }
  // Transpositions and near synonyms of short keys: `langauge` → `language` → `lang`.
  if (!best) {
    for (const [synonym, target] of Object.entries(synonyms)) {
      if (distance(lower, synonym) <= 2) return target;
    }
  }
  return best?.key;
}
