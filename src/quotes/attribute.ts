/**
 * Who said what: direct quotes with their speakers, and reported claims with their sources.
 *
 * Each sentence is read for reporting cues — a verb or participle of saying in any person and tense
 * (قال، أضاف، أكد، أفادت، نفى، مضيفا …) or an attribution phrase (بحسب، وفقا لـ، نقلا عن …). For a verb:
 *  1. its subject: the entity or source descriptor after it ("قال الجيش التركي", "كشف ضابط كبير",
 *     "أضاف مدير المرصد رامي عبد الرحمن" → the person, with the title as role), else an entity just
 *     before it, else — no subject written — the latest speaker ("وأضاف:", "وتابع") or the person the
 *     text has just introduced ("حيث قال");
 *  2. its channel: "لفرانس برس", "لـ«الشرق الأوسط»", "في بيان", "بمقطع فيديو على تليغرام";
 *  3. its complement: a colon or quotation marks make a quote; أن/إن make a claim, and a quote too
 *     when the words after أن stand in quotation marks ("قال إن «…»").
 * Quotations no cue introduces count as speech when they run to several words (a name or a term in
 * marks — «جبهة النصرة» — does not), spoken by the nearest person or organisation before them.
 * A headline "Name: words" is a quote of that person.
 */
import type { Claim, MarsadDocument, Quote, Sentence, Source, Speaker, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { indexMentions, type MentionRef } from "../entities/mentions.js";
import type { EntityLexicons } from "../entities/lexicons.js";
import { scanLexicon, walk } from "../entities/recognize.js";
import { hasArticle, tokenKey } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { nameStartInToken } from "../text/offsets.js";
import type { ReportForm, ReportingLexicon, SourceNoun } from "./lexicon.js";
import { isQuoteMark, quotedSpans, type QuotedSpan } from "./marks.js";

export interface AttributionResources {
  reporting: ReportingLexicon;
  entityLexicons: EntityLexicons;
  channels: Set<string>;
  reportAdverbs: Set<string>;
}

/** A quotation of fewer words than this, with nothing introducing it, is a name or a term, not speech. */
const MIN_FREE_QUOTE_WORDS = 4;
/** A cue must find its complement within this many tokens. */
const MAX_CUE_REACH = 25;
/** A source descriptor ("مصدر بالجيش السوري") runs to at most this many tokens. */
const MAX_DESCRIPTOR = 6;
/** The latest speaker carries over to a subjectless verb this many paragraphs later. */
const SPEAKER_MEMORY_PARAGRAPHS = 2;
/**
 * Linear-time caps (issue 18). Reporting cues read per sentence: a sentence with more is no news
 * sentence (a list or a hostile input), and each cue's claim may run to the sentence's end. Words of
 * unmarked speech after a colon: it runs to the end of the paragraph, at most this far.
 */
const MAX_CUES_PER_SENTENCE = 24;
const MAX_COLON_QUOTE_TOKENS = 400;
/** Quotes of one speaker a new quote is compared with for de-duplication. */
const MAX_TWIN_CANDIDATES = 64;
/** Forms that are as often another word ("بين" between, "تابع" affiliated, "طالب" student): they need أن or a colon right after their subject. */
const AMBIGUOUS_FORMS = new Set(["بين", "تابع", "طالب", "كتب", "زاد", "مضي", "رد", "نقل", "طلب", "تردد", "يدعي", "راي"]);

interface Found {
  speaker: Speaker;
  source: Source;
  end: number;
}

interface Ctx {
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
  /** The latest anonymous speaker of a quote, and source of a claim, by their first word (normalised). */
  anonymousQuotes: Map<string, Speaker>;
  anonymousClaims: Map<string, Source>;
  /** Warnings already given (each once per document). */
  warned: Set<string>;
}

function warnOnce(ctx: Ctx, message: string): void {
  if (ctx.warned.has(message)) return;
  ctx.warned.add(message);
  ctx.doc.meta.warnings.push(message);
}

/** The index of the sentence starting at token `from` (sentences are in token order), or -1. */
function sentenceStartingAt(sentences: readonly Sentence[], from: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].tokenStart < from) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo < sentences.length && sentences[lo].tokenStart === from ? lo : -1;
}

export function attribute(doc: MarsadDocument, entities: WorkEntity[], res: AttributionResources): { quotes: Quote[]; claims: Claim[] } {
  const tokens = doc.tokens;
  const { startsAt, covers } = indexMentions(entities, tokens.length);
  const ctx: Ctx = { doc, text: doc.text, tokens, keys: tokens.map(tokenKey), res, startsAt, covers, quotes: [], claims: [], last: null, usedSpans: new Set(), anonymousQuotes: new Map(), anonymousClaims: new Map(), warned: new Set() };
  // the sentences of each paragraph, gathered in one pass (not one scan of all sentences per paragraph)
  const byParagraph = doc.paragraphs.map((): Array<{ s: Sentence; si: number }> => []);
  doc.sentences.forEach((s, si) => byParagraph[s.paragraph]?.push({ s, si }));
  doc.paragraphs.forEach((p, pi) => {
    const sentences = byParagraph[pi];
    if (!sentences.length) return;
    const spans = quotedSpans(doc.text, tokens, sentences[0].s.tokenStart, sentences[sentences.length - 1].s.tokenEnd);
    if (p.kind === "title") {
      headline(ctx, sentences[0].s.tokenStart, sentences[sentences.length - 1].s.tokenEnd, sentences[0].si);
      return;
    }
    const para = { end: sentences[sentences.length - 1].s.tokenEnd, spans, byClose: new Map(spans.map((q) => [q.close, q])) };
    // spans come in text order: each sentence takes the next run of them (one pass, not a filter per sentence)
    let next = 0;
    for (const { s, si } of sentences) {
      while (next < spans.length && spans[next].open < s.tokenStart) next++;
      const inSentence: QuotedSpan[] = [];
      for (let q = next; q < spans.length && spans[q].open < s.tokenEnd; q++) if (spans[q].close < s.tokenEnd) inSentence.push(spans[q]);
      readSentence(ctx, s.tokenStart, s.tokenEnd, si, pi, inSentence, para);
      for (const q of inSentence) if (!ctx.usedSpans.has(q)) freeQuote(ctx, q, s.tokenStart, si, pi);
    }
  });
  dedupeQuotes(ctx);
  ctx.quotes.forEach((q, k) => (q.id = `q${k + 1}`));
  ctx.claims.forEach((c, k) => (c.id = `c${k + 1}`));
  return { quotes: ctx.quotes, claims: ctx.claims };
}

interface Cue {
  at: number;
  end: number;
  form: ReportForm;
}

function cuesIn(ctx: Ctx, from: number, to: number): Cue[] {
  return scanLexicon(ctx, from, to, ctx.res.reporting.phrases, (t) => {
    // a verb takes only a conjunction before it ("وقال", "فيما أضاف"), and no pronoun after it
    if ((t.pro && t.pro !== "و" && t.pro !== "ف") || t.enc) return undefined;
    const form = ctx.res.reporting.words.get(t.stem) ?? ctx.res.reporting.words.get(t.norm);
    return form && form.kind !== "noun" ? form : undefined;
  }, (at, end, form) => ({ at, end, form }));
}

interface Paragraph {
  end: number;
  spans: QuotedSpan[];
  /** The span closing at each token. */
  byClose: Map<number, QuotedSpan>;
}

function readSentence(ctx: Ctx, from: number, to: number, si: number, pi: number, spans: QuotedSpan[], para: Paragraph): void {
  let cues = cuesIn(ctx, from, to);
  if (cues.length > MAX_CUES_PER_SENTENCE) {
    cues = cues.slice(0, MAX_CUES_PER_SENTENCE);
    warnOnce(ctx, `a sentence holds over ${MAX_CUES_PER_SENTENCE} reporting cues; only the first ${MAX_CUES_PER_SENTENCE} were read`);
  }
  let prev: { cue: Cue; found: Found | null } | null = null;
  cues.forEach((cue, k) => {
    const limit = k + 1 < cues.length ? cues[k + 1].at : to;
    // "فكتب يقول:", "قال مضيفا": a cue right after another goes on with its subject
    const inherited = prev && prev.cue.end === cue.at ? prev.found : null;
    if (cue.form.kind === "phrase" && cue.form.frame === "prep") attributionPhrase(ctx, cue, from, to, si);
    else prev = { cue, found: reportingVerb(ctx, cue, from, limit, si, pi, spans, para, inherited) };
  });
}

/** Steps over report adverbs ("أمس", "أيضا", "من جهته") and commas. */
function skipAdverbs(ctx: Ctx, j: number, to: number): number {
  while (j < to) {
    const t = ctx.tokens[j];
    if (t.kind === "punct" && ctx.text[t.start] === "،") j++;
    else if (t.kind === "word" && (ctx.res.reportAdverbs.has(t.stem) || ctx.res.reportAdverbs.has(t.norm))) j++;
    else if (t.kind === "number" && j + 1 < to && ctx.tokens[j + 1].kind === "word" && ctx.res.reportAdverbs.has(ctx.tokens[j + 1].stem)) j += 2;
    else break;
  }
  return j;
}

/** Reads one verb cue; returns the subject it found (for a cue right after it), or null. */
function reportingVerb(ctx: Ctx, cue: Cue, from: number, limit: number, si: number, pi: number, spans: QuotedSpan[], para: Paragraph, inherited: Found | null): Found | null {
  let j = skipAdverbs(ctx, cue.end, limit);
  // a participle ("مضيفا أن", "مشيرا إلى أن") goes on with the subject of the verb before it
  let found = cue.form.kind === "participle" ? null : subjectAfter(ctx, j, limit);
  let continued = false;
  if (found) j = found.end;
  else if (inherited) found = inherited;
  else if (cue.form.kind !== "participle") found = subjectBefore(ctx, cue.at, from);
  let via: string | null = null;
  const v = channel(ctx, skipAdverbs(ctx, j, limit), limit);
  if (v) {
    via = v.text;
    j = v.end;
    if (v.original) {
      // "نقلت وكالة X عن مصدر …": the source is the one quoted, X only passes it on
      via = found ? found.speaker.name : via;
      found = v.original;
    }
  }
  j = skipAdverbs(ctx, j, limit);
  // an apposition may stand between the subject and what was said ("الزوي المتحدث الرسمي …، إن …")
  if (found && !continued) j = reachComplement(ctx, j, limit);
  const explicit = !!found;
  if (!found) {
    if (cue.form.person === "passive" || cue.form.person === "1") return null;
    found = carriedSpeaker(ctx, cue.at, from, pi);
    continued = true;
  }
  if (!found) return null;
  const ambiguous = AMBIGUOUS_FORMS.has(ctx.tokens[cue.at].stem);
  const c = complement(ctx, j, limit, para.end, spans, ambiguous) ?? (explicit ? quoteBefore(ctx, cue.at, para) : null);
  if (!c) return found;
  const verb = ctx.text.slice(ctx.tokens[cue.at].start, ctx.tokens[cue.end - 1].end);
  let quoteId: string | null = null;
  if (c.quote) {
    ctx.usedSpans.add(c.quote);
    quoteId = addQuote(ctx, found.speaker, c.quote.start, c.quote.end, verb, via, si, continued);
  } else if (c.colonText) {
    quoteId = addQuote(ctx, found.speaker, c.colonText[0], c.colonText[1], verb, via, si, continued);
  }
  if (c.claim) addClaim(ctx, found.source, c.claim[0], c.claim[1], verb, via, cue.form.stance, si, quoteId);
  ctx.last = { found, paragraph: pi };
  return found;
}

/** A quotation that ends right before its attribution: «نحن نحتفل …»، قال عبدالله صبيحي. */
function quoteBefore(ctx: Ctx, at: number, para: Paragraph): Complement | null {
  // only punctuation between the quote's close and the cue: walk back over it (not over every span)
  for (let k = at - 1; k >= 0; k--) {
    const x = para.byClose.get(k);
    if (x && !x.bracket && !ctx.usedSpans.has(x)) return { quote: x };
    if (ctx.tokens[k].kind !== "punct") break;
  }
  return null;
}

/** The first colon, quotation mark or أن within reach of j, so long as no sentence-ending mark comes first. */
function reachComplement(ctx: Ctx, j: number, limit: number): number {
  for (let k = j; k < Math.min(limit, j + MAX_CUE_REACH); k++) {
    const t = ctx.tokens[k];
    if (isComplementizer(t) || isQuoteMark(ctx.text, t)) return k;
    if (t.kind === "punct") {
      const ch = ctx.text[t.start];
      if (ch === ":" || ch === "：") return k;
      if (!"،,()".includes(ch)) return j;
    }
  }
  return j;
}

interface Complement {
  quote?: QuotedSpan;
  colonText?: [number, number];
  claim?: [number, number];
}

const COMPLEMENTIZER = /^ب?(ان|انه|انها|انهم|انهما|انهن|اننا|انني|انا)$/;
const PREP_BEFORE_AN = new Set(["الي", "علي", "من", "في"]);

function isComplementizer(t: Token): boolean {
  return t.kind === "word" && (COMPLEMENTIZER.test(t.norm) || (t.stem === "ان" && (t.pro === "" || t.pro === "ب")));
}

/** What the cue introduces, from token j: a quotation (after a colon or directly), or an أن clause. */
function complement(ctx: Ctx, j: number, limit: number, paragraphEnd: number, spans: QuotedSpan[], ambiguous: boolean): Complement | null {
  const { tokens, text } = ctx;
  if (j >= limit) return null;
  const t = tokens[j];
  const isColon = t.kind === "punct" && (text[t.start] === ":" || text[t.start] === "：");
  if (isColon) {
    const span = spans.find((q) => q.open === j + 1);
    if (span) return { quote: span };
    // unmarked speech after a colon runs to the end of the paragraph ("قالت: هيك عرفته … في ذمة الله")
    const end = trimEnd(ctx, j + 1, Math.min(paragraphEnd, j + 1 + MAX_COLON_QUOTE_TOKENS));
    return end > j + 1 ? { colonText: [tokens[j + 1].start, tokens[end - 1].end] } : null;
  }
  if (ambiguous) {
    if (!isComplementizer(t)) return null;
  }
  const direct = spans.find((q) => q.open === j && !q.bracket);
  if (direct) return { quote: direct };
  let k = j;
  if (t.kind === "word" && PREP_BEFORE_AN.has(t.stem) && !t.pro && k + 1 < limit && isComplementizer(tokens[k + 1])) k++;
  if (!isComplementizer(tokens[k])) return null;
  const start = k + 1;
  const end = trimEnd(ctx, start, limit);
  if (end <= start && !(tokens[k].enc || /ه|ها|هم$/.test(tokens[k].norm))) return null;
  const claimStart = end > start ? tokens[start].start : tokens[k].start;
  const claim: [number, number] = [claimStart, end > start ? tokens[end - 1].end : tokens[k].end];
  const span = spans.find((q) => q.open === start);
  return span ? { quote: span, claim } : { claim };
}

/** The index after the last token worth keeping before `to`: trailing punctuation and a dangling conjunction dropped. */
function trimEnd(ctx: Ctx, from: number, to: number): number {
  let end = to;
  while (end > from && ctx.tokens[end - 1].kind === "punct" && !isQuoteMark(ctx.text, ctx.tokens[end - 1])) end--;
  // a quote closing at the very end keeps its mark out of the words
  while (end > from && ctx.tokens[end - 1].kind === "punct") end--;
  return end;
}

/** "أضاف مدير المرصد رامي عبد الرحمن", "قال الجيش التركي", "كشف ضابط كبير": the subject after a verb. */
function subjectAfter(ctx: Ctx, j: number, limit: number): Found | null {
  if (j >= limit) return null;
  const { tokens } = ctx;
  const lex = ctx.res.entityLexicons;
  const direct = entityAt(ctx, j);
  if (direct) return { ...fromEntity(ctx, direct.entity), end: direct.end };
  // a title or role before the person: "مدير المرصد رامي عبد الرحمن"
  const wctx = { text: ctx.text, tokens, keys: ctx.keys, from: j, to: limit, walks: new Map() };
  const title = walk(wctx, j, lex.titles);
  if (title) {
    // the person nearest the complement: "المسؤول الإعلامي لغرفة عمليات عمر المختار … عبدالكريم صبرا، إن"
    let person: MentionRef | undefined;
    for (let k = title.end; k < Math.min(limit, title.end + 10); k++) {
      const m = ctx.startsAt[k];
      if (m && m.entity.type === "PER") {
        person = m;
        k = m.end - 1;
        continue;
      }
      if ((tokens[k].kind === "punct" && !isQuoteMark(ctx.text, tokens[k])) || isComplementizer(tokens[k])) break;
    }
    if (person) {
      const f = fromEntity(ctx, person.entity);
      const role = ctx.text.slice(tokens[j].start, tokens[person.start - 1].end);
      f.speaker.role ??= role;
      f.source.role ??= role;
      return { ...f, end: person.end };
    }
  }
  return descriptor(ctx, j, limit) ?? institution(ctx, j, limit);
}

/** A definite institution named by its head alone: "الجيش", "الحكومة", "الوزارة", "السلطات". */
function institution(ctx: Ctx, j: number, limit: number): Found | null {
  const t = ctx.tokens[j];
  if (t.kind !== "word" || !(t.pro === "ال" || t.pro === "و+ال")) return null;
  const head = ctx.res.entityLexicons.heads.get(t.stem) ?? ctx.res.entityLexicons.heads.get("ال" + t.stem);
  if (!head || head.type !== "ORG") return null;
  let k = j + 1;
  // its adjectives: "القيادة العسكرية", "السلطات العراقية"
  while (k < limit && ctx.tokens[k].kind === "word" && ctx.tokens[k].pro === "ال" && /(ي|يه|يون|يين)$/.test(ctx.tokens[k].stem) && k - j < 3) k++;
  const name = ctx.text.slice(t.start, ctx.tokens[k - 1].end).replace(/^و/, "");
  const speaker: Speaker = { name, entity: null, type: "organisation", role: null };
  return { speaker, source: { ...speaker, kind: "official", descriptor: name }, end: k };
}

/** An organisation that can speak: not a platform such as يوتيوب or تويتر. */
const canSpeak = (e: WorkEntity): boolean => (e.type === "PER" || e.type === "ORG") && e.actor?.subtype !== "platform";

function entityAt(ctx: Ctx, j: number): MentionRef | null {
  // «المرصد السوري لحقوق الإنسان»: a name may stand in quotation marks
  const at = isQuoteMark(ctx.text, ctx.tokens[j]) ? j + 1 : j;
  const m = ctx.startsAt[at];
  if (!m || (!canSpeak(m.entity) && m.entity.place === null)) return null;
  if (m.entity.type === "LOC" && m.entity.places?.every((p) => p.place.kind !== "country")) return null;
  const end = m.end < ctx.tokens.length && isQuoteMark(ctx.text, ctx.tokens[m.end]) && at > j ? m.end + 1 : m.end;
  return { ...m, end };
}

/** An anonymous or collective source: "مصدر بالجيش السوري", "مصادر «العربية/الحدث»", "مسؤولون محليون". */
function descriptor(ctx: Ctx, j: number, limit: number, afterPreposition = false): Found | null {
  const { tokens, text } = ctx;
  const noun = sourceNounAt(ctx, j, limit, afterPreposition);
  if (!noun) return null;
  let k = noun.end;
  let entity: WorkEntity | undefined;
  const stop = (t: Token): boolean => isComplementizer(t) || (t.kind === "punct" && !isQuoteMark(text, t)) || ctx.res.reporting.words.has(t.stem);
  while (k < limit && k - j < MAX_DESCRIPTOR && !stop(tokens[k])) {
    const t = tokens[k];
    const m = entityAt(ctx, k);
    // "ضابط كبير لرويترز": an organisation after ل is the channel, not part of the source
    if (m && /^ل(\+ال)?$/.test(t.pro) && m.entity.type === "ORG") break;
    if (m) {
      entity ??= m.entity;
      k = m.end;
      continue;
    }
    if (isQuoteMark(text, t)) {
      const close = findClose(ctx, k, limit);
      if (close < 0) break;
      k = close + 1;
      continue;
    }
    // adjectives ("كبير", "محليون", "أمنية") and a preposition with its noun ("في المعارضة السورية")
    if (t.kind !== "word" || (t.pro && !/^(ب|ل|ب\+ال|ال|ل\+ال)$/.test(t.pro))) break;
    if (ctx.res.entityLexicons.functionWords.has(t.stem) && !["في", "من", "داخل", "لدي"].includes(t.stem)) break;
    if (ctx.res.channels.has(t.stem)) break;
    k++;
  }
  // "المصدر" alone after "مصدر عسكري" is that source again
  if (k === noun.end && hasArticle(tokens[j].pro)) {
    // the latest anonymous speaker of a quote, else of a claim, whose first word this is
    const earlier = ctx.anonymousQuotes.get(tokens[j].stem) ?? ctx.anonymousClaims.get(tokens[j].stem);
    if (earlier) return { speaker: { name: earlier.name, entity: earlier.entity, type: "anonymous", role: null }, source: { ...earlier, type: "anonymous", role: null, kind: "anonymous", descriptor: earlier.name }, end: k };
  }
  // without an attached conjunction or preposition ("ومصادر", "لمصادر")
  const first = nameStartInToken(text, tokens[j]);
  const name = ((first.addArticle ? "ال" : "") + text.slice(first.start, tokens[k - 1].end)).replace(/[«»“”"„‹›]/g, "").replace(/\s+/g, " ").trim();
  const speaker: Speaker = { name, entity: entity?.id ?? null, type: "anonymous", role: null };
  return { speaker, source: { ...speaker, kind: "anonymous", descriptor: name }, end: k };
}

function sourceNounAt(ctx: Ctx, j: number, limit: number, afterPreposition: boolean): { noun: SourceNoun; end: number } | null {
  const t = ctx.tokens[j];
  const allowed = afterPreposition ? /^(ال|و|ل|ل\+ال)?$/ : /^(ال|و)?$/;
  if (t.kind !== "word" || !allowed.test(t.pro)) return null;
  let node = ctx.res.reporting.sourceNouns.start(t.stem) ?? ctx.res.reporting.sourceNouns.start(ctx.keys[j]);
  let best: { noun: SourceNoun; end: number } | null = null;
  let k = j + 1;
  while (node) {
    if (node.values.length) best = { noun: node.values[0], end: k };
    if (k >= limit) break;
    node = node.next(ctx.keys[k]) ?? node.next(ctx.tokens[k].stem);
    k++;
  }
  return best;
}

function findClose(ctx: Ctx, open: number, limit: number): number {
  for (let k = open + 1; k < Math.min(limit, open + 8); k++) if (isQuoteMark(ctx.text, ctx.tokens[k])) return k;
  return -1;
}

/** A subject written before the verb: an entity ending right before it ("والجيش التركي نفى …"). */
function subjectBefore(ctx: Ctx, at: number, from: number): Found | null {
  // "وكان مسؤول بمجلس … قد صرح": the subject stands between كان and قد
  if (at - 1 >= from && ctx.tokens[at - 1].norm === "قد") {
    for (let k = at - 2; k >= Math.max(from, at - 10); k--) {
      if (ctx.tokens[k].stem === "كان" || ctx.tokens[k].stem === "كانت") {
        const f = subjectAfter(ctx, k + 1, at - 1);
        return f && f.end === at - 1 ? { ...f, end: at } : null;
      }
    }
  }
  let k = at - 1;
  if (k >= from && isQuoteMark(ctx.text, ctx.tokens[k])) k--;
  if (k < from) return null;
  const m = ctx.covers[k];
  if (!m || m.end !== k + 1 || (m.entity.type !== "PER" && m.entity.type !== "ORG")) return null;
  return { ...fromEntity(ctx, m.entity), end: at };
}

/** No subject written: the latest speaker, or the person (else organisation) the text has just named. */
function carriedSpeaker(ctx: Ctx, at: number, from: number, pi: number): Found | null {
  if (ctx.last && pi - ctx.last.paragraph < SPEAKER_MEMORY_PARAGRAPHS) return ctx.last.found;
  const sentences = ctx.doc.sentences;
  const si = sentenceStartingAt(sentences, from);
  const lo = si > 0 ? sentences[si - 1].tokenStart : from;
  for (const type of ["PER", "ORG"]) {
    for (let k = at - 1; k >= lo; k--) {
      const m = ctx.covers[k];
      if (m && m.entity.type === type) return { ...fromEntity(ctx, m.entity), end: at };
    }
  }
  return null;
}

/** The channel after the subject: "لفرانس برس", "لـ«الشرق الأوسط»", "في بيان", "عبر حسابه"; and "عن X" (the original source). */
function channel(ctx: Ctx, j: number, limit: number): { text: string; end: number; original?: Found } | null {
  const { tokens, text } = ctx;
  if (j >= limit) return null;
  const t = tokens[j];
  const span = (a: number, b: number): string => text.slice(tokens[a].start, tokens[b - 1].end);
  // ل + an organisation: "لرويترز", "للعربية", "لـ«الشرق الأوسط»"
  if (t.kind === "word" && /^ل(\+ال)?$/.test(t.pro)) {
    const m = ctx.startsAt[j];
    if (m && m.entity.type === "ORG") return { text: span(j, m.end), end: m.end };
  }
  if (t.kind === "word" && t.norm === "ل" && j + 1 < limit) {
    const m = entityAt(ctx, j + 1);
    if (m) return { text: span(j, m.end), end: m.end };
    if (isQuoteMark(text, tokens[j + 1])) {
      const close = findClose(ctx, j + 1, limit);
      if (close > 0) return { text: span(j, close + 1), end: close + 1 };
    }
  }
  // "عن مصدر عسكري", "عن المرصد": the words come from this source, through the subject
  if (t.kind === "word" && t.norm === "عن" && j + 1 < limit) {
    const original = subjectAfter(ctx, j + 1, limit);
    if (original) return { text: span(j, original.end), end: original.end, original };
  }
  // "في بيان", "في تصريح لـ…", "عبر حسابه على تويتر", "بمقطع فيديو على تطبيق تليغرام"
  const opens = (t.kind === "word" && (t.norm === "في" || t.norm === "عبر" || t.norm === "خلال") && j + 1 < limit && ctx.res.channels.has(tokens[j + 1].stem)) || (t.kind === "word" && /^ب(\+ال)?$/.test(t.pro) && ctx.res.channels.has(t.stem));
  if (!opens) return null;
  let k = j + 1;
  while (k < limit && k - j < 9 && !isComplementizer(tokens[k]) && tokens[k].kind !== "punct") k++;
  return { text: span(j, k), end: k };
}

/** "بحسب المرصد"، "وفقا لمصادر محلية"، "نقلا عن مسؤولين": the claim is the rest of the sentence. */
function attributionPhrase(ctx: Ctx, cue: Cue, from: number, to: number, si: number): void {
  const { tokens } = ctx;
  let j = cue.end;
  // "بحسب ما أفاد/ذكر X": step over "ما" and the verb
  if (j < to && tokens[j].norm === "ما") j++;
  if (j < to && ctx.res.reporting.words.has(tokens[j].stem)) j++;
  let found: Found | null = null;
  if (cue.form.openPrep === "ل" && j < to && /^ل(\+ال)?$/.test(tokens[j].pro)) {
    // "وفقا لمصادر", "وفقا للمرصد": the source is attached to the preposition
    const m = entityAt(ctx, j);
    found = m ? { ...fromEntity(ctx, m.entity), end: m.end } : descriptor(ctx, j, to, true);
  } else {
    if (cue.form.openPrep && j < to && (tokens[j].norm === cue.form.openPrep || tokens[j].norm === "ل")) j++;
    found = subjectAfter(ctx, j, to);
  }
  if (!found) return;
  const verb = ctx.text.slice(tokens[cue.at].start, tokens[cue.end - 1].end);
  // at the head of the sentence the claim follows the source; else it is what came before the phrase
  let a: number, b: number;
  if (cue.at - from <= 2) {
    a = skipAdverbs(ctx, found.end, to);
    if (a < to && tokens[a].norm === "فان") a++;
    b = trimEnd(ctx, a, to);
  } else {
    a = from;
    b = trimEnd(ctx, from, cue.at);
  }
  if (b <= a) return;
  addClaim(ctx, found.source, tokens[a].start, tokens[b - 1].end, verb, null, cue.form.stance, si, null);
}

/** A quotation nothing introduced: speech if long enough, by the nearest person or organisation before it. */
function freeQuote(ctx: Ctx, q: QuotedSpan, from: number, si: number, pi: number): void {
  if (q.bracket) return;
  const words = ctx.tokens.slice(q.open + 1, q.close).filter((t) => t.kind === "word").length;
  if (words < MIN_FREE_QUOTE_WORDS) return;
  // a quotation that is a whole name ("«المرصد السوري لحقوق الإنسان»") is not speech
  const inside = ctx.startsAt[q.open + 1];
  if (inside && inside.end === q.close) return;
  // "وصفه بـ«…»", "المعروفة بـ«…»": a characterisation, not speech
  const before = ctx.tokens[q.open - 1];
  if (before && before.kind === "word" && (before.norm === "ب" || before.norm === "بان")) return;
  let found: Found | null = null;
  // inside a claim of the same sentence ("أكد المرصد أن X «قتل …»"): the claim's source speaks
  // claims come in sentence order: look back over this sentence's only
  let claim: Claim | undefined;
  for (let k = ctx.claims.length - 1; k >= 0 && ctx.claims[k].sentence >= si; k--) {
    const c = ctx.claims[k];
    if (c.sentence === si && c.start <= q.start && c.end >= q.end) claim = c;
  }
  if (claim) found = { speaker: { name: claim.source.name, entity: claim.source.entity, type: claim.source.type, role: claim.source.role }, source: claim.source, end: q.open };
  for (const type of ["PER", "ORG"]) {
    for (let k = q.open - 1; k >= from && !found; k--) {
      const m = ctx.covers[k];
      if (m && m.entity.type === type && canSpeak(m.entity)) found = { ...fromEntity(ctx, m.entity), end: k };
    }
  }
  if (!found && ctx.last && pi - ctx.last.paragraph < SPEAKER_MEMORY_PARAGRAPHS) found = ctx.last.found;
  if (!found) return;
  addQuote(ctx, found.speaker, q.start, q.end, null, null, si, false);
}

/** The title "Name: words" is that person's quote; "سوريا: …" (a place) is not. */
function headline(ctx: Ctx, from: number, to: number, si: number): void {
  const { tokens, text } = ctx;
  const colon = tokens.findIndex((t, k) => k >= from && k < to && t.kind === "punct" && text[t.start] === ":");
  if (colon < 0 || colon === from || colon + 1 >= to) return;
  const m = ctx.startsAt[from];
  let found: Found | null = null;
  if (m && m.end === colon && m.entity.type === "PER") found = { ...fromEntity(ctx, m.entity), end: colon };
  if (!found) return;
  const end = trimEnd(ctx, colon + 1, to);
  let a = colon + 1, b = end;
  if (isQuoteMark(text, tokens[a]) && isQuoteMark(text, tokens[b - 1])) {
    a++;
    b--;
  }
  if (b <= a) return;
  addQuote(ctx, found.speaker, tokens[a].start, tokens[b - 1].end, null, null, si, false);
}

/** Generic heads that news puts before a group's own name ("تنظيم داعش", "حركة طالبان"). */
const GROUP_HEADS = /^(تنظيم|حركة|جماعة|ميليشيا|ميليشيات|مليشيا|مليشيات)\s+/;

/** A speaker's name: the entity's, without a generic head when the rest is the group's own listed name. */
function speakerName(e: WorkEntity): string {
  const m = GROUP_HEADS.exec(e.name);
  if (!m || !e.actor) return e.name;
  const rest = normalize(e.name.slice(m[0].length));
  return [e.actor.name, ...e.actor.aliases].some((a) => normalize(a) === rest) ? e.name.slice(m[0].length) : e.name;
}

function fromEntity(ctx: Ctx, e: WorkEntity): { speaker: Speaker; source: Source } {
  const type = e.type === "PER" ? "person" : "organisation";
  const speaker: Speaker = { name: speakerName(e), entity: e.id, type, role: e.role ?? null };
  const sub = e.actor?.subtype;
  const kind: Source["kind"] = e.type === "PER" ? "person" : e.category === "media" ? (sub === "agency" ? "agency" : "media") : e.category === "government" || e.category === "state_forces" ? "official" : "organisation";
  return { speaker, source: { ...speaker, kind, descriptor: null } };
}

function addQuote(ctx: Ctx, speaker: Speaker, start: number, end: number, verb: string | null, via: string | null, sentence: number, continued: boolean): string {
  const q: Quote = { id: `q${ctx.quotes.length + 1}`, text: ctx.text.slice(start, end), start, end, speaker, verb, via, sentence, continued };
  ctx.quotes.push(q);
  if (speaker.type === "anonymous") ctx.anonymousQuotes.set(normalize(speaker.name.split(" ")[0]), speaker);
  return q.id;
}

function addClaim(ctx: Ctx, source: Source, start: number, end: number, verb: string | null, via: string | null, stance: Claim["stance"], sentence: number, quote: string | null): void {
  ctx.claims.push({ id: `c${ctx.claims.length + 1}`, text: ctx.text.slice(start, end), start, end, source, verb, via, stance, sentence, quote });
  if (source.type === "anonymous") ctx.anonymousClaims.set(normalize(source.name.split(" ")[0]), source);
}

/** One quote per (speaker, words): a headline that repeats a body quote is the same quote. */
function dedupeQuotes(ctx: Ctx): void {
  if (ctx.quotes.length < 2) return;
  const words = new Map(ctx.quotes.map((q) => [q, q.text.replace(/[^\p{L}\p{N}]+/gu, " ").trim()]));
  const norm = (q: Quote): string => words.get(q)!;
  const kept: Quote[] = [];
  // linear-time cap: a quote is compared with its speaker's quotes only, the first and the latest
  // MAX_TWIN_CANDIDATES of them (a headline repeats an early quote; thousands by one speaker are no news)
  const bySpeaker = new Map<string, Quote[]>();
  const at = new Map<Quote, number>();
  for (const q of ctx.quotes) {
    const mine = bySpeaker.get(q.speaker.name) ?? bySpeaker.set(q.speaker.name, []).get(q.speaker.name)!;
    const candidates = mine.length <= MAX_TWIN_CANDIDATES ? mine : [...mine.slice(0, 8), ...mine.slice(8 - MAX_TWIN_CANDIDATES)];
    const twin = candidates.find((k) => norm(k) === norm(q) || norm(k).includes(norm(q)) || norm(q).includes(norm(k)));
    if (!twin) {
      at.set(q, kept.length);
      kept.push(q);
      mine.push(q);
    } else if (twin.verb === null && q.verb !== null) {
      // prefer the body's quote
      kept[at.get(twin)!] = q;
      at.set(q, at.get(twin)!);
      mine[mine.indexOf(twin)] = q;
    }
  }
  ctx.quotes = kept;
}
