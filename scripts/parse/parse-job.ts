import { VFile } from 'vfile';
import { encodeParsedRecord, toParsedRecord, type ParsedRecord } from './parsed-record.ts';
import { parseSource, type BookProcessor } from './parse-source.ts';

/** One chapter to parse: its path and text, and the key its record is stored under. */
export interface ParseJob {
  path: string;
  value: string;
  key: string;
}

/** A parsed job: the record, and the same record encoded for the cache. */
export interface ParsedJob {
  record: ParsedRecord;
  bytes: Uint8Array;
}

/**
 * Parses one job on a file of its own, and encodes the record for the cache before anyone
 * can change its tree.
 */
export async function runParseJob(processor: BookProcessor, job: ParseJob): Promise<ParsedJob> {
  const file = new VFile({ path: job.path, value: job.value });
  const record = toParsedRecord(await parseSource(processor, file), file);
  return { record, bytes: encodeParsedRecord(job.key, record) };
}
