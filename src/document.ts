/**
 * The analysed-article document: one object that every pipeline stage reads and extends.
 * Every layer is a list of spans with UTF-16 offsets into `text`, which no stage rewrites.
 * The JSON form (`marsad.document/1`) is documented field by field in docs/schema.md.
 */

export const SCHEMA = "marsad.document/1" as const;

/** A half-open range [start, end) of UTF-16 code units in `MarsadDocument.text`. */
export interface Span {
  start: number;
  end: number;
}

export type InputFormat = "text" | "html";

export interface Dateline extends Span {
  /** The dateline as written, e.g. "دبي – العربية.نت". */
  text: string;
  /** The place named, e.g. "دبي"; null when the line names only an outlet ("(أ ف ب)"). */
  place: string | null;
  /** The outlet or agency named, e.g. "العربية.نت"; null when it names only a place. */
  outlet: string | null;
}

export interface Meta {
  id: string;
  title: string | null;
  url: string | null;
  /** Publication date, YYYY-MM-DD, from --published or the page's metadata; null when unknown. */
  published: string | null;
  author: string | null;
  /** Site or outlet name from the page's metadata, when it gives one. */
  site: string | null;
  dateline: Dateline | null;
  format: InputFormat;
  /** Character encoding the input was decoded from, e.g. "utf-8", "windows-1256". */
  encoding: string;
  /** Share of letters that are Arabic (0..1). */
  arabicRatio: number;
  /** Problems found that did not stop the analysis (e.g. "text is not Arabic"). */
  warnings: string[];
}

export type ParagraphKind = "title" | "subheading" | "paragraph";

export interface Paragraph extends Span {
  kind: ParagraphKind;
}

export type TokenKind = "word" | "number" | "latin" | "url" | "hashtag" | "mention" | "email" | "punct" | "symbol";

export interface Token extends Span {
  kind: TokenKind;
  /** The token normalised for matching (see src/text/normalize.ts); the original is text.slice(start, end). */
  norm: string;
  /** Proclitics split off, normalised, joined by "+" ("و+ال"); "" when none. */
  pro: string;
  /** The stem after clitic segmentation, normalised (equals norm when nothing was split). */
  stem: string;
  /** Pronoun enclitic split off, normalised ("ها"); "" when none. */
  enc: string;
}

export interface Sentence extends Span {
  /** Index into `paragraphs`. */
  paragraph: number;
  /** Index of the first token and one past the last token. */
  tokenStart: number;
  tokenEnd: number;
}

export interface MarsadDocument {
  schema: typeof SCHEMA;
  meta: Meta;
  /** The decoded, cleaned article text; every offset points into it. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  entities: unknown[];
  quotes: unknown[];
  claims: unknown[];
  places: unknown[];
  events: unknown[];
}
