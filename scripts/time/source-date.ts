/**
 * The build's timestamp: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when set, so that two builds of the same input give the same bytes;
 * otherwise the current time.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw.trim() !== '') {
    const seconds = Number(raw);
    if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`);
    return new Date(seconds * 1000);
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
