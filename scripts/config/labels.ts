/**
 * The words a book prints that do not come from its manuscript ("Contents", "Notes",
 * "Chapter 3", the landmarks of the EPUB nav, ...), in the book's language. Each table
 * holds the words publishers of that language use; a book's `labels:` in `book.yaml`
 * overrides any of them. Labels that take a value name it in braces: `Chapter {n}`.
 */

/** Every label a book prints, by the name `labels:` in `book.yaml` gives it. */
export const labelNames = [
  'contents',
  'notes',
  'index',
  'part',
  'chapter',
  'chapters',
  'cover',
  'cover-of',
  'title-page',
  'half-title',
  'copyright',
  'landmarks',
  'page-list',
  'start-of-content',
  'back-matter',
  'by',
  'published-by',
  'published-by-on',
  'colophon',
] as const;

/** The name of one label. */
export type LabelName = (typeof labelNames)[number];

/** A full set of labels: one text for every {@link LabelName}. */
export type Labels = Readonly<Record<LabelName, string>>;

const english: Labels = {
  contents: 'Contents',
  notes: 'Notes',
  index: 'Index',
  part: 'Part {n}',
  chapter: 'Chapter {n}',
  chapters: 'Chapters',
  cover: 'Cover',
  'cover-of': 'Cover of {title}',
  'title-page': 'Title page',
  'half-title': 'Half title',
  copyright: 'Copyright',
  landmarks: 'Landmarks',
  'page-list': 'Pages',
  'start-of-content': 'Start of Content',
  'back-matter': 'Back Matter',
  by: 'By {authors}',
  'published-by': 'Published by {publisher}.',
  'published-by-on': 'Published by {publisher}, {date}.',
  colophon: 'Set in {typefaces}. Made with Quire from Markdown.',
};

/**
 * The tables, by BCP 47 tag. A tag with a region or script falls back to its language
 * (`pt-BR` → `pt`); see {@link labelsFor}.
 */
const tables: Readonly<Record<string, Labels>> = {
  en: english,
  de: {
    contents: 'Inhalt',
    notes: 'Anmerkungen',
    index: 'Register',
    part: 'Teil {n}',
    chapter: 'Kapitel {n}',
    chapters: 'Kapitel',
    cover: 'Cover',
    'cover-of': 'Cover von {title}',
    'title-page': 'Titelseite',
    'half-title': 'Schmutztitel',
    copyright: 'Impressum',
    landmarks: 'Orientierungspunkte',
    'page-list': 'Seiten',
    'start-of-content': 'Textbeginn',
    'back-matter': 'Anhang',
    by: 'Von {authors}',
    'published-by': 'Erschienen bei {publisher}.',
    'published-by-on': 'Erschienen bei {publisher}, {date}.',
    colophon: 'Gesetzt aus der {typefaces}. Erstellt mit Quire aus Markdown.',
  },
  fr: {
    contents: 'Table des matières',
    notes: 'Notes',
    index: 'Index',
    part: 'Partie {n}',
    chapter: 'Chapitre {n}',
    chapters: 'Chapitres',
    cover: 'Couverture',
    'cover-of': 'Couverture de {title}',
    'title-page': 'Page de titre',
    'half-title': 'Faux-titre',
    copyright: 'Mentions légales',
    landmarks: 'Repères',
    'page-list': 'Pages',
    'start-of-content': 'Début du texte',
    'back-matter': 'Annexes',
    by: 'Par {authors}',
    'published-by': 'Publié par {publisher}.',
    'published-by-on': 'Publié par {publisher}, {date}.',
    colophon: 'Composé en {typefaces}. Réalisé avec Quire à partir de Markdown.',
  },
  es: {
    contents: 'Índice',
    notes: 'Notas',
    index: 'Índice analítico',
    part: 'Parte {n}',
    chapter: 'Capítulo {n}',
    chapters: 'Capítulos',
    cover: 'Cubierta',
    'cover-of': 'Cubierta de {title}',
    'title-page': 'Portada',
    'half-title': 'Anteportada',
    copyright: 'Créditos',
    landmarks: 'Puntos de referencia',
    'page-list': 'Páginas',
    'start-of-content': 'Inicio del texto',
    'back-matter': 'Apéndices',
    by: 'Por {authors}',
    'published-by': 'Publicado por {publisher}.',
    'published-by-on': 'Publicado por {publisher}, {date}.',
    colophon: 'Compuesto en {typefaces}. Hecho con Quire a partir de Markdown.',
  },
  it: {
    contents: 'Indice',
    notes: 'Note',
    index: 'Indice analitico',
    part: 'Parte {n}',
    chapter: 'Capitolo {n}',
    chapters: 'Capitoli',
    cover: 'Copertina',
    'cover-of': 'Copertina di {title}',
    'title-page': 'Frontespizio',
    'half-title': 'Occhiello',
    copyright: 'Copyright',
    landmarks: 'Punti di riferimento',
    'page-list': 'Pagine',
    'start-of-content': 'Inizio del testo',
    'back-matter': 'Apparati',
    by: 'Di {authors}',
    'published-by': 'Pubblicato da {publisher}.',
    'published-by-on': 'Pubblicato da {publisher}, {date}.',
    colophon: 'Composto in {typefaces}. Realizzato con Quire da Markdown.',
  },
  pt: {
    contents: 'Sumário',
    notes: 'Notas',
    index: 'Índice remissivo',
    part: 'Parte {n}',
    chapter: 'Capítulo {n}',
    chapters: 'Capítulos',
    cover: 'Capa',
    'cover-of': 'Capa de {title}',
    'title-page': 'Folha de rosto',
    'half-title': 'Falsa folha de rosto',
    copyright: 'Créditos',
    landmarks: 'Pontos de referência',
    'page-list': 'Páginas',
    'start-of-content': 'Início do texto',
    'back-matter': 'Apêndices',
    by: 'Por {authors}',
    'published-by': 'Publicado por {publisher}.',
    'published-by-on': 'Publicado por {publisher}, {date}.',
    colophon: 'Composto em {typefaces}. Feito com Quire a partir de Markdown.',
  },
  ru: {
    contents: 'Содержание',
    notes: 'Примечания',
    index: 'Указатель',
    part: 'Часть {n}',
    chapter: 'Глава {n}',
    chapters: 'Главы',
    cover: 'Обложка',
    'cover-of': 'Обложка книги «{title}»',
    'title-page': 'Титульный лист',
    'half-title': 'Авантитул',
    copyright: 'Выходные данные',
    landmarks: 'Ориентиры',
    'page-list': 'Страницы',
    'start-of-content': 'Начало текста',
    'back-matter': 'Приложения',
    by: '{authors}',
    'published-by': 'Издательство «{publisher}».',
    'published-by-on': 'Издательство «{publisher}», {date}.',
    colophon: 'Набрано шрифтом {typefaces}. Сделано в Quire из Markdown.',
  },
  ja: {
    contents: '目次',
    notes: '注',
    index: '索引',
    part: '第{n}部',
    chapter: '第{n}章',
    chapters: '章',
    cover: '表紙',
    'cover-of': '『{title}』の表紙',
    'title-page': '本扉',
    'half-title': '略扉',
    copyright: '奥付',
    landmarks: 'ランドマーク',
    'page-list': 'ページ',
    'start-of-content': '本文',
    'back-matter': '後付け',
    by: '{authors} 著',
    'published-by': '発行：{publisher}',
    'published-by-on': '発行：{publisher}（{date}）',
    colophon: '本文書体：{typefaces}。Quire で Markdown から制作。',
  },
  zh: {
    contents: '目录',
    notes: '注释',
    index: '索引',
    part: '第{n}部分',
    chapter: '第{n}章',
    chapters: '章节',
    cover: '封面',
    'cover-of': '《{title}》封面',
    'title-page': '书名页',
    'half-title': '半书名页',
    copyright: '版权页',
    landmarks: '导航',
    'page-list': '页码',
    'start-of-content': '正文',
    'back-matter': '附录',
    by: '{authors} 著',
    'published-by': '{publisher} 出版',
    'published-by-on': '{publisher} 出版，{date}',
    colophon: '正文字体：{typefaces}。由 Quire 从 Markdown 制作。',
  },
  'zh-Hant': {
    contents: '目錄',
    notes: '註釋',
    index: '索引',
    part: '第{n}部',
    chapter: '第{n}章',
    chapters: '章節',
    cover: '封面',
    'cover-of': '《{title}》封面',
    'title-page': '書名頁',
    'half-title': '半書名頁',
    copyright: '版權頁',
    landmarks: '導覽',
    'page-list': '頁碼',
    'start-of-content': '正文',
    'back-matter': '附錄',
    by: '{authors} 著',
    'published-by': '{publisher} 出版',
    'published-by-on': '{publisher} 出版，{date}',
    colophon: '內文字體：{typefaces}。由 Quire 從 Markdown 製作。',
  },
  ar: {
    contents: 'المحتويات',
    notes: 'الهوامش',
    index: 'الكشاف',
    part: 'الجزء {n}',
    chapter: 'الفصل {n}',
    chapters: 'الفصول',
    cover: 'الغلاف',
    'cover-of': 'غلاف {title}',
    'title-page': 'صفحة العنوان',
    'half-title': 'صفحة العنوان المختصر',
    copyright: 'حقوق النشر',
    landmarks: 'معالم الكتاب',
    'page-list': 'الصفحات',
    'start-of-content': 'بداية النص',
    'back-matter': 'الملاحق',
    by: 'تأليف {authors}',
    'published-by': 'الناشر: {publisher}.',
    'published-by-on': 'الناشر: {publisher}، {date}.',
    colophon: 'جُمع بخط {typefaces}. صُنع باستخدام Quire من Markdown.',
  },
};

/** European Portuguese: the Brazilian table, but for the names of the contents and the credits page. */
const europeanPortuguese: Labels = { ...tables.pt!, contents: 'Índice', copyright: 'Ficha técnica' };

/** Tables by lower-case tag, with the regions whose words differ: traditional Chinese, European Portuguese. */
const byTag: ReadonlyMap<string, Labels> = new Map([
  ...Object.entries(tables).map(([tag, table]) => [tag.toLowerCase(), table] as const),
  ['zh-tw', tables['zh-Hant']!],
  ['zh-hk', tables['zh-Hant']!],
  ['zh-mo', tables['zh-Hant']!],
  ['pt-pt', europeanPortuguese],
]);

/**
 * The labels of a book in the language `lang` (a BCP 47 tag), with `overrides` (the
 * book's `labels:`) on top. The tag is tried whole, then without its last subtag, and so
 * on (`zh-Hant-TW` → `zh-Hant` → `zh`); a language with no table gets English.
 */
export function labelsFor(lang: string, overrides: Partial<Record<LabelName, string>> = {}): Labels {
  return { ...tableFor(lang), ...overrides };
}

function tableFor(lang: string): Labels {
  const subtags = lang.trim().toLowerCase().split(/[-_]/).filter(Boolean);
  for (let length = subtags.length; length > 0; length--) {
    const table = byTag.get(subtags.slice(0, length).join('-'));
    if (table) return table;
  }
  return english;
}

/**
 * The text of the label `name` from `labels`, with each `{placeholder}` replaced by its
 * value in `values` (`label(labels, 'chapter', { n: 3 })` → `Chapter 3`). A placeholder
 * with no value is left as written.
 */
export function label(labels: Labels, name: LabelName, values: Readonly<Record<string, string | number>> = {}): string {
  return labels[name].replace(/\{([a-z]+)\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
}
