import type { PDFDocument } from 'pdf-lib';
import type { BookConfig } from '../config/types.ts';

/** The name that PDFs say made them. */
export const producer = 'Quire (unified, Chromium, pdf-lib)';

/**
 * Writes the document information Chromium leaves out (Author, Subject, Keywords) and
 * fixes Title, Creator, Producer, language and both dates to `date`, so that two builds
 * of the same book are the same bytes.
 */
export function setPdfMetadata(document: PDFDocument, config: BookConfig, date: Date): void {
  document.setTitle(config.subtitle ? `${config.title}: ${config.subtitle}` : config.title, { showInWindowTitleBar: true });
  document.setAuthor(config.authors.join(', '));
  if (config.description) document.setSubject(config.description);
  if (config.subjects.length > 0) document.setKeywords(config.subjects);
  document.setCreator('Quire');
  document.setProducer(producer);
  document.setLanguage(config.lang);
  document.setCreationDate(date);
  document.setModificationDate(date);
}
