/**
 * The analysed-article document: one object that every pipeline stage reads and extends.
 * Every layer is a list of spans with UTF-16 offsets into `text`, which no stage rewrites.
 * The JSON form (`marsad.document/1`) is documented field by field in docs/schema.md.
 */
import type { EnglishSource } from "./english/names.js";

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
  /** The outlet given with the input: a corpus record's source code ("aawsat"), a feed's title; null when none. */
  source: string | null;
  dateline: Dateline | null;
  format: InputFormat;
  /** Character encoding the input was decoded from, e.g. "utf-8", "windows-1256". */
  encoding: string;
  /** Share of letters that are Arabic (0..1). */
  arabicRatio: number;
  /** Problems found that did not stop the analysis (e.g. "text is not Arabic"). */
  warnings: string[];
  /** What the article is about (the relevance stage; docs/relevance.md). */
  topic?: Topic | null;
  /** News or an opinion column, from the article's address (the relevance stage); null without an address. */
  genre?: Genre | null;
}

export type Genre = "news" | "opinion";

export type TopicLabel = "conflict" | "politics" | "economy" | "sport" | "culture" | "society" | "other";

export interface Topic {
  /** The highest-scoring topic; "other" when no topic has enough evidence. */
  label: TopicLabel;
  /** The label's share of all topic evidence (0..1). */
  score: number;
  /** Each topic's evidence score (words weighted, the title double, armed actors for conflict). */
  scores: Record<Exclude<TopicLabel, "other">, number>;
  /** The label's strongest words as the data file writes them. */
  evidence: string[];
  /** Paragraphs with conflict evidence of their own: the only ones that may report events in an article that is not about conflict or politics. */
  conflictParagraphs: number[];
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
  /** The matching key (src/text/keys.ts), computed once per distinct word; not written to JSON. */
  key?: string;
  /** For a word, the id of its written form in the segmenter (WordAnalysis.id), a cache key; not written to JSON. */
  word?: number;
}

export interface Sentence extends Span {
  /** Index into `paragraphs`. */
  paragraph: number;
  /** Index of the first token and one past the last token. */
  tokenStart: number;
  tokenEnd: number;
}

export type EntityType = "PER" | "ORG" | "LOC" | "FAC";

export interface EntityMention extends Span {
  /** The words as written (without attached prepositions): text.slice(start, end). */
  text: string;
  /** Index into `sentences`; -1 for the dateline. */
  sentence: number;
  /** The rule that found it (docs/schema.md). */
  rule: string;
}

export interface Entity {
  id: string;
  /** The fullest form written in this article, without attached prepositions. */
  name: string;
  type: EntityType;
  /** The listed name of the actor or place, when a data file knows it (its canonical form). */
  canonical: string | null;
  /** Id in data/actors or the gazetteer, when listed. */
  ref: string | null;
  /** Actor category (state_forces, rebel_group …), when known. */
  category: string | null;
  /** ACLED interaction code of the category (1 state forces … 8 external/other), when it has one. */
  inter: number | null;
  /** Title or role the text gives ("القائد في إدارة العمليات العسكرية", "مدير المرصد"). */
  role: string | null;
  /**
   * "list": found through a data file; "context": found by the contextual rules alone; "model": found by
   * the name tagger alone (src/entities/tagger), where no list or rule found it.
   */
  source: "list" | "context" | "model";
  /** Id of the geocoded place in `places`, for LOC and FAC entities. */
  place: string | null;
  mentions: EntityMention[];
  /** English name and where it comes from (docs/english.md); set by the english stage. */
  name_en?: string;
  name_en_source?: EnglishSource;
}

export interface Place {
  id: string;
  /** The fullest form written in this article ("حمص", "سجن حمص المركزي"). */
  name: string;
  /** Id of the entity it geocodes. */
  entity: string;
  /** country, admin1, admin2, city, town, village, neighbourhood, region, facility (or the head's kind when unlisted). */
  kind: string;
  /** For facilities and regions: airport, prison, coast … */
  feature: string | null;
  /** Gazetteer id, when the place is listed. */
  ref: string | null;
  lat: number | null;
  lon: number | null;
  /**
   * ACLED geo_precision of the point: 1 the place itself; 2 a place near or within a known town or
   * district (its container, or the place it is named after); 3 only the province or country. Null when unlocated.
   */
  geo_precision: 1 | 2 | 3 | null;
  admin1: string | null;
  admin2: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** 0..1: how sure the geocoding is (see docs/schema.md). */
  confidence: number;
  /**
   * gazetteer: a listed place; inner: the point of the place a facility is named after; container: the
   * point of a place holding it (its listed unit, or the known place the text ties it to); parent: the
   * article's main city; unresolved.
   */
  method: "gazetteer" | "inner" | "container" | "parent" | "unresolved";
  name_en?: string;
  name_en_source?: EnglishSource;
}

/** Who said something: a listed or found entity, or a descriptor ("مصدر بالجيش السوري", "ضابط كبير"). */
export interface Speaker {
  /** As written: the entity's name, or the descriptor without quotation marks. */
  name: string;
  /** Id of the entity in `entities`, when the speaker is one (or is described through one). */
  entity: string | null;
  type: "person" | "organisation" | "anonymous";
  /** Title or role the text gives ("مدير المرصد"). */
  role: string | null;
}

export interface Quote extends Span {
  id: string;
  /** The quoted words (start/end point to them, without the marks). */
  text: string;
  speaker: Speaker;
  /** The reporting verb as written ("قال", "وأضاف"), or null for a headline or an unintroduced quotation. */
  verb: string | null;
  /** The channel: "لفرانس برس", "في بيان", "بمقطع فيديو على تطبيق تليغرام". */
  via: string | null;
  sentence: number;
  /** True when no subject was written and the speaker was carried over ("وأضاف:", "حيث قال"). */
  continued: boolean;
}

export interface Source extends Speaker {
  /** person, organisation, media (outlet), agency (news agency), official (a government body), anonymous. */
  kind: "person" | "organisation" | "media" | "agency" | "official" | "anonymous";
  /** For anonymous sources, the descriptor ("مصدر بالجيش السوري"). */
  descriptor: string | null;
}

export interface Claim extends Span {
  id: string;
  /** What the source says (start/end point to it). */
  text: string;
  source: Source;
  /** The reporting verb or attribution phrase as written ("أفادت", "بحسب"). */
  verb: string | null;
  via: string | null;
  /** asserted; denied (نفى، كذّب); unconfirmed (زعم، رجح); demanded (طالب، دعا); warned (حذر). */
  stance: "asserted" | "denied" | "unconfirmed" | "demanded" | "warned";
  sentence: number;
  /** The quote holding the same words, for "قال إن «…»". */
  quote: string | null;
}

export interface EventActor {
  /** As written ("الفصائل المسلحة", "هيئة تحرير الشام"). */
  name: string;
  /** The entity it is, when one (an actor named through a force noun keeps its patron's entity). */
  entity: string | null;
  category: string | null;
  inter: number | null;
  name_en?: string;
  name_en_source?: EnglishSource;
}

export interface EventPlace {
  name: string;
  /** Id in `places`. */
  place: string | null;
  entity: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  admin1: string | null;
  name_en?: string;
  name_en_source?: EnglishSource;
}

export interface EventMention {
  sentence: number;
  /** The trigger's span and words. */
  start: number;
  end: number;
  trigger: string;
  /** The sentence's span. */
  sentenceStart: number;
  sentenceEnd: number;
}

export interface EventSource {
  /** A claim or quote of this document the event rests on, or the outlet that narrates it. */
  kind: "claim" | "quote" | "outlet";
  /** The claim's id; for an outlet, its code in data/events/outlets.tsv ("aawsat") when listed. */
  id: string | null;
  name: string;
  /** An outlet's English name, when listed. */
  name_en: string | null;
  /** What kind of anonymous source spoke ("مصادر محلية", "مصدر أمني"), for a claim's source. */
  descriptor: string | null;
  /** The channel a claim was made through ("لوكالة الأنباء الألمانية"). */
  via: string | null;
}

export interface Event {
  id: string;
  type: string;
  acled: { disorder_type: string; event_type: string; sub_event_type: string };
  /** CAMEO event code to the level known ("195", "140"); null where CAMEO has none (displacement). */
  cameo: string | null;
  actor: EventActor | null;
  /** For attacks: who or what was hit, when the text says. */
  target: EventActor | null;
  /** Helpers of the actor ("بدعم من X", "بمساندة X"): ACLED's associated actors. */
  associates: EventActor[];
  place: EventPlace | null;
  /** YYYY-MM-DD or null. */
  date: string | null;
  /** day, week, month, year, approximate, or "published" (no date in the text: the publication date). */
  date_precision: string | null;
  /** Where the date came from: "text" (a date the article writes) or "published" (none written). */
  date_source: "text" | "published" | null;
  /** The date expression as written ("3 شوال 1436 هـ", "أمس الأربعاء"), when the text gives one. */
  date_text: string | null;
  /** For a Hijri date, the Hijri date itself (YYYY-MM-DD in the Hijri calendar). */
  date_hijri: string | null;
  /** A date after the article's publication that the event is planned for (then `date` is null). */
  planned_date: string | null;
  /** morning, noon, afternoon, evening, night, dawn, when the text says. */
  time: string | null;
  count: number | null;
  /** exact, more_than, about, at_least, tens, hundreds … */
  count_qualifier: string | null;
  fatalities: number | null;
  /** The wounded, when the text counts them ("وأصيب 46 شخصا"). */
  wounded: number | null;
  /** True when the toll is a total the text gives for several places (one trigger over a list of places):
   * it is kept once, on this event (the first place's), and the other places' events carry none. */
  fatalities_total: boolean;
  /** asserted, claimed, denied, negated, planned, threatened, hypothetical. */
  modality: string;
  /** The words that set the modality ("سمحت", "محاولة", "لن") and their kind (docs/events.md); null when nothing did. */
  modality_cue: { kind: string; text: string } | null;
  /** False for denied, negated, planned, threatened and hypothetical events. */
  happened: boolean;
  /** History older than the article's news ("منذ اندلاع النزاع عام 2011"). */
  background: boolean;
  sources: EventSource[];
  mentions: EventMention[];
}

export interface MarsadDocument {
  schema: typeof SCHEMA;
  meta: Meta;
  /** The decoded, cleaned article text; every offset points into it. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  places: Place[];
  events: Event[];
}
