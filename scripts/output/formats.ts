/** An output format of the build. */
export type Format = 'epub' | 'pdf' | 'html';

/** Every format, in the order they are built. */
export const allFormats: readonly Format[] = ['html', 'epub', 'pdf'];
