/**
 * The shared working state of the quotes stage: the document's tokens and mention index, the
 * resources, and what has been found so far (quotes, claims, the latest speaker of the discourse).
 */
import type { Claim, MarsadDocument, Quote, Source, Speaker, Token } from "../document.js";
import type { MentionRef } from "../entities/mentions.js";
import type { EntityLexicons } from "../entities/lexicons.js";
import type { ReportingLexicon } from "./lexicon.js";
import type { QuotedSpan } from "./marks.js";
import type { ClaimFrames } from "./claim-frames.js";
import type { SpeakerRules } from "./speaker-rules.js";

export interface AttributionResources {
  reporting: ReportingLexicon;
  entityLexicons: EntityLexicons;
  channels: Set<string>;
  reportAdverbs: Set<string>;
  speakerRules: SpeakerRules;
  claimFrames: ClaimFrames;
}

/** A source descriptor ("مصدر بالجيش السوري") runs to at most this many tokens. */
export const MAX_DESCRIPTOR = 6;
/** The latest speaker carries over to a subjectless verb this many paragraphs later. */
export const SPEAKER_MEMORY_PARAGRAPHS = 2;

export interface Found {
  speaker: Speaker;
  source: Source;
  end: number;
}

export interface Ctx {
  doc: MarsadDocument;
  text: string;
  tokens: Token[];
  keys: string[];
  res: AttributionResources;
  /** The mention starting at each token, and the mention covering it. */
  startsAt: Array<MentionRef | undefined>;
  covers: Array<MentionRef | undefined>;
  quotes: Quote[];
  claims: Claim[];
  last: { found: Found; paragraph: number } | null;
  usedSpans: Set<QuotedSpan>;
  /** The body whose statement the text last named ("بيان لوزارة الداخلية"), for a later "البيان". */
  lastIssuer: Found | null;
  /** The latest anonymous source ("مصدر عسكري"), for a later "المصدر". */
  lastAnonymous: Source[];
}

const COMPLEMENTIZER = /^ب?(ان|انه|انها|انهم|انهما|انهن|اننا|انني|انا)$/;
export const PREP_BEFORE_AN = new Set(["الي", "علي", "من", "في"]);

export function isComplementizer(t: Token): boolean {
  return t.kind === "word" && (COMPLEMENTIZER.test(t.norm) || (t.stem === "ان" && (t.pro === "" || t.pro === "ب")));
}

