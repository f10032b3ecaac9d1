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
 * Who speaks is decided in speakers.ts; the verbs whose claim is a noun phrase are in claim-frames.ts.
 */
import type { Claim, MarsadDocument, Quote, Sentence, Source, Speaker, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { indexMentions } from "../entities/mentions.js";
import { scanLexicon } from "../entities/recognize.js";
import { tokenKey } from "../text/keys.js";
import { isComplementizer, PREP_BEFORE_AN, SPEAKER_MEMORY_PARAGRAPHS, type AttributionResources, type Ctx, type Found } from "./context.js";
import type { ReportForm } from "./lexicon.js";
import { isQuoteMark, quotedSpans, type QuotedSpan } from "./marks.js";
import { carriedSpeaker, channel, descriptor, entityAt, fromEntity, nearestSpeaker, subjectAfter, subjectBefore } from "./speakers.js";

/** A quotation of fewer words than this, with nothing introducing it, is a name or a term, not speech. */
const MIN_FREE_QUOTE_WORDS = 4;
/** A cue must find its complement within this many tokens. */
const MAX_CUE_REACH = 25;
/** A noun-phrase claim ("إحباط محاولة تسلل") runs to at least this many tokens. */
const MIN_NOUN_CLAIM = 2;
/** Unmarked speech after a colon runs to the paragraph's end or the next cue, and this many tokens at most. */
const MAX_COLON_SPEECH = 400;
/** A colon this many tokens after a verb of saying, past the speaker's name, opens its speech. */
const SPEAKER_REACH = 7;
/** A fronted link phrase before a sentence's verb ("من جهته،", "وفي سياق متصل،") runs to at most this many tokens. */
const SENTENCE_LINK_MAX = 4;
/** Forms that are as often another word ("بين" between, "تابع" affiliated, "طالب" student): they need أن or a colon right after their subject. */
const AMBIGUOUS_FORMS = new Set(["بين", "تابع", "طالب", "كتب", "زاد", "مضي", "رد", "نقل", "طلب", "تردد", "يدعي", "راي"]);

export function attribute(doc: MarsadDocument, entities: WorkEntity[], res: AttributionResources): { quotes: Quote[]; claims: Claim[] } {
  const tokens = doc.tokens;
  const { startsAt, covers } = indexMentions(entities, tokens.length);
  const ctx: Ctx = { doc, text: doc.text, tokens, keys: tokens.map(tokenKey), res, startsAt, covers, quotes: [], claims: [], last: null, usedSpans: new Set(), lastIssuer: null, lastAnonymous: [] };
  // sentences grouped by paragraph in one pass (no scan of every sentence per paragraph)
  const byParagraph: Array<Array<{ s: Sentence; si: number }>> = doc.paragraphs.map(() => []);
  doc.sentences.forEach((s, si) => byParagraph[s.paragraph]?.push({ s, si }));
  doc.paragraphs.forEach((p, pi) => {
    const sentences = byParagraph[pi];
    if (!sentences.length) return;
    const spans = quotedSpans(doc.text, tokens, sentences[0].s.tokenStart, sentences[sentences.length - 1].s.tokenEnd);
    if (p.kind === "title") {
      headline(ctx, sentences[0].s.tokenStart, sentences[sentences.length - 1].s.tokenEnd, sentences[0].si);
      return;
    }
    const para = { end: sentences[sentences.length - 1].s.tokenEnd, byClose: byClose(spans) };
    // spans are sorted by their opening mark: one pointer walks them along the sentences
    let q0 = 0;
    for (const { s, si } of sentences) {
      while (q0 < spans.length && spans[q0].open < s.tokenStart) q0++;
      const inSentence: QuotedSpan[] = [];
      for (let k = q0; k < spans.length && spans[k].open < s.tokenEnd; k++) if (spans[k].close < s.tokenEnd || spans[k].unclosed) inSentence.push(spans[k]);
      readSentence(ctx, s.tokenStart, s.tokenEnd, si, pi, inSentence, para);
      for (const q of inSentence) if (!ctx.usedSpans.has(q)) freeQuote(ctx, q, s.tokenStart, si, pi);
    }
  });
  finish(ctx);
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
  /** The paragraph's quoted spans by the token index of their closing mark. */
  byClose: Map<number, QuotedSpan>;
}

function readSentence(ctx: Ctx, from: number, to: number, si: number, pi: number, spans: QuotedSpan[], para: Paragraph): void {
  const cues = cuesIn(ctx, from, to);
  let prev: { cue: Cue; found: Found | null } | null = null;
  // the speaker an earlier cue of this sentence found: a participle later on ("…، مشيرا إلى") is theirs
  let sentenceSpeaker: Found | null = null;
  // a speaker named without their words ("وقال منسق المشاريع، تيري جوفو، قد قال خلال مؤتمر … إن"):
  // the next verb of the sentence with no subject of its own is theirs
  let unheard: Found | null = null;
  cues.forEach((cue, k) => {
    const limit = k + 1 < cues.length ? cues[k + 1].at : to;
    // "فكتب يقول:", "قال مضيفا": a cue right after another goes on with its subject
    const inherited = prev && prev.cue.end === cue.at ? prev.found : cue.form.kind === "participle" ? (sentenceSpeaker ?? sentenceSubject(ctx, from, cue.at)) : null;
    if (cue.form.kind === "phrase" && cue.form.frame === "prep") attributionPhrase(ctx, cue, from, to, si);
    else {
      const said = ctx.quotes.length + ctx.claims.length;
      prev = { cue, found: reportingVerb(ctx, cue, from, limit, si, pi, spans, para, inherited, unheard) };
      sentenceSpeaker = prev.found ?? sentenceSpeaker;
      unheard = prev.found && ctx.quotes.length + ctx.claims.length === said ? prev.found : null;
    }
  });
}

/**
 * The subject of a sentence that opens with a verb of its own ("أبدى المدير X سعادته …، مشيرا إلى",
 * "أولت الصحف المغربية اهتمامها …، مشيرة إلى"): the participle of saying describes that subject.
 */
function sentenceSubject(ctx: Ctx, from: number, at: number): Found | null {
  let j = skipAdverbs(ctx, from, at);
  // a fronted link phrase ("من جهته،", "وفي سياق متصل،") ends at its comma
  for (let k = j; k < Math.min(at, j + SENTENCE_LINK_MAX); k++) {
    if (ctx.tokens[k].kind === "punct" && ctx.text[ctx.tokens[k].start] === "،") {
      j = k + 1;
      break;
    }
  }
  if (j + 1 >= at || ctx.tokens[j].kind !== "word" || ctx.startsAt[j]) return null;
  return subjectAfter(ctx, j + 1, at);
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
function reportingVerb(ctx: Ctx, cue: Cue, from: number, limit: number, si: number, pi: number, spans: QuotedSpan[], para: Paragraph, inherited: Found | null, unheard: Found | null): Found | null {
  let j = skipAdverbs(ctx, cue.end, limit);
  // a participle ("مضيفا أن", "مشيرا إلى أن") goes on with the subject of the verb before it
  // "وأضاف «داعش تشكل …»": words in marks right after the verb are what was said, not its subject
  // (a name in marks still is: "أعلن «حزب الله»", "وأفاد «المرصد السوري لحقوق الإنسان» بأن")
  const saying = j < limit && isQuoteMark(ctx.text, ctx.tokens[j]) && !markedName(ctx, j, limit);
  let found = cue.form.kind === "participle" || saying ? null : subjectAfter(ctx, j, limit);
  let continued = false;
  if (found) j = found.end;
  else if (inherited) found = inherited;
  else if (cue.form.kind !== "participle") found = subjectBefore(ctx, cue.at, from) ?? unheard;
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
    found = carriedSpeaker(ctx, cue.at, from, pi, si, ctx.res.speakerRules.continuations.has(cue.form.lemma));
    continued = true;
  }
  if (!found) return null;
  const ambiguous = AMBIGUOUS_FORMS.has(ctx.tokens[cue.at].stem);
  if (explicit) j = subjectTail(ctx, j, limit);
  const c = complement(ctx, j, limit, para.end, spans, ambiguous) ?? (explicit ? quoteBefore(ctx, cue.at, para) : null) ?? (ambiguous ? null : nounClaim(ctx, cue, j, limit, spans, explicit));
  if (!c) {
    // "ودعا البرزاني في بيانه حزب العمال …": a named speaker is the discourse's latest, even where
    // the words said are not read, so a later "وقال «…»" is theirs
    if (explicit) ctx.last = { found, paragraph: pi };
    return found;
  }
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

/** Spans by closing mark; where two close at one mark (an unclosed one), the outer one, as it opens first. */
function byClose(spans: QuotedSpan[]): Map<number, QuotedSpan> {
  const out = new Map<number, QuotedSpan>();
  for (const q of spans) if (!out.has(q.close)) out.set(q.close, q);
  return out;
}

/** A quotation that ends right before its attribution: «نحن نحتفل …»، قال عبدالله صبيحي. */
function quoteBefore(ctx: Ctx, at: number, para: Paragraph): Complement | null {
  // only punctuation between the closing mark and the verb: walk back over it, then look the mark up
  for (let k = at - 1; k >= 0 && ctx.tokens[k].kind === "punct"; k--) {
    const q = para.byClose.get(k);
    if (q && !q.bracket && !ctx.usedSpans.has(q)) return { quote: q };
  }
  return null;
}

/** The first colon, quotation mark or أن within reach of j, so long as no sentence-ending mark comes first. */
function reachComplement(ctx: Ctx, j: number, limit: number): number {
  for (let k = j; k < Math.min(limit, j + MAX_CUE_REACH); k++) {
    const t = ctx.tokens[k];
    if (isQuoteMark(ctx.text, t) && k > j && ctx.tokens[k - 1].kind === "word") {
      // "عضو البرلمان عن كتلة «…»، إن": a short name in marks inside the apposition, not the words said
      const close = shortMarkedName(ctx, k, limit);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    if (isComplementizer(t) || isQuoteMark(ctx.text, t)) return k;
    if (t.kind === "punct") {
      const ch = ctx.text[t.start];
      if (ch === ":" || ch === "：") return k;
      // a bracket is passed whole: an agency's initials ("(د. ب. أ)"), a name in Latin letters, an age
      if (ch === "(") {
        const close = closingBracket(ctx, k, Math.min(limit, j + MAX_CUE_REACH));
        if (close > 0) {
          k = close;
          continue;
        }
      }
      // a slash joins the two names of a month ("في تموز/يوليو"), as a comma joins an apposition
      if (!"،,()/".includes(ch)) return j;
    }
  }
  return j;
}

/** The index of the ")" that closes the "(" at k before `limit`, with no sentence of words between; else 0. */
function closingBracket(ctx: Ctx, k: number, limit: number): number {
  for (let i = k + 1; i < limit; i++) {
    const t = ctx.tokens[i];
    if (t.kind !== "punct") continue;
    const ch = ctx.text[t.start];
    if (ch === ")") return i;
    if (ch === "(" || isQuoteMark(ctx.text, t)) return 0;
  }
  return 0;
}

/** Whether the marks opened at k hold a name: a short one, or exactly one entity's words. */
function markedName(ctx: Ctx, k: number, limit: number): boolean {
  if (shortMarkedName(ctx, k, limit) > 0) return true;
  const m = ctx.startsAt[k + 1];
  return !!m && m.end < limit && isQuoteMark(ctx.text, ctx.tokens[m.end]);
}

/**
 * Past what may still belong to a named subject before what it said: where it is ("بعثة الأمم المتحدة
 * في العراق") and its short name in marks or brackets ("“يونامي”", "(يونامي)") when words follow it.
 */
function subjectTail(ctx: Ctx, j: number, limit: number): number {
  for (let step = 0; step < 2 && j < limit; step++) {
    const t = ctx.tokens[j];
    const place = t.kind === "word" && t.norm === "في" ? ctx.startsAt[j + 1] : undefined;
    if (place && (place.entity.type === "LOC" || place.entity.type === "FAC") && place.end < limit) {
      j = place.end;
      continue;
    }
    const close = isQuoteMark(ctx.text, t) ? shortMarkedName(ctx, j, limit) : t.kind === "punct" && ctx.text[t.start] === "(" ? shortName(ctx, j, limit, (c) => c.kind === "punct" && ctx.text[c.start] === ")") : 0;
    // a name in marks is followed by the words said; short words in marks that end the clause were said
    if (close <= 0 || close + 1 >= limit || ctx.tokens[close + 1].kind !== "word") break;
    j = close + 1;
  }
  return j;
}

/** The closing mark of a name of at most three words in marks opened at k, else 0. */
const shortMarkedName = (ctx: Ctx, k: number, limit: number): number => shortName(ctx, k, limit, (t) => isQuoteMark(ctx.text, t));

/** The token that `closes` a name of at most three words opened at k (marks, brackets), else 0. */
function shortName(ctx: Ctx, k: number, limit: number, closes: (t: Token) => boolean): number {
  for (let c = k + 2; c < Math.min(limit, k + 5); c++) {
    const t = ctx.tokens[c];
    if (closes(t)) return c;
    if (t.kind !== "word") return 0;
  }
  return 0;
}

interface Complement {
  quote?: QuotedSpan;
  colonText?: [number, number];
  claim?: [number, number];
}

/** What the cue introduces, from token j: a quotation (after a colon or directly), or an أن clause. */
function complement(ctx: Ctx, j: number, limit: number, paragraphEnd: number, spans: QuotedSpan[], ambiguous: boolean): Complement | null {
  const { tokens, text } = ctx;
  if (j >= limit) return null;
  const t = tokens[j];
  if (isColon(text, t)) {
    const span = spans.find((q) => q.open === j + 1);
    if (span) return { quote: span };
    // unmarked speech after a colon runs to the end of the paragraph ("قالت: هيك عرفته … في ذمة الله"),
    // or to a new cue of saying after a comma ("…، مضيفا: …")
    const end = trimEnd(ctx, j + 1, colonSpeechEnd(ctx, j + 1, paragraphEnd));
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

/**
 * A claim written as a noun phrase after the verb (data/lexicon/claim-frames.tsv): "أعلنت الشرطة إحباط
 * محاولة تسلل", "مؤكدا تسجيل خمس حالات", "مشيرا إلى سعي الجهاز", "أفاد بمقتل …". The phrase must open
 * with a content word (not a particle, a number or a cue) and runs to the end of the clause. Only when
 * the subject is known (or the phrase is quoted): after a subjectless verb a noun is more likely the
 * subject no list holds.
 */
function nounClaim(ctx: Ctx, cue: Cue, j: number, limit: number, spans: QuotedSpan[], explicit: boolean): Complement | null {
  const preps = ctx.res.claimFrames.get(cue.form.lemma);
  if (!preps || j >= limit) return null;
  const { tokens } = ctx;
  let k = j;
  const t = tokens[k];
  if (t.kind !== "word") return null;
  if (!t.pro && preps.has(t.stem) && t.stem !== "") k++;
  else if (t.pro === "ب" && preps.has("ب")) {
    // attached: "بمقتل" — the phrase starts inside this token
  } else if (!preps.has("") || t.pro.replace(/^ال$/, "") !== "") return null;
  if (k >= limit) return null;
  const w = tokens[k];
  const directQuote = spans.find((q) => q.open === k && !q.bracket);
  // a carried speaker's noun phrase must stand in quotation marks ("داعيا إلى «إعلان …»")
  if (!directQuote && !explicit) return null;
  if (!directQuote && (w.kind !== "word" || ctx.res.entityLexicons.functionWords.has(w.stem) || ctx.res.reporting.words.has(w.stem) || isComplementizer(w))) return null;
  const end = trimEnd(ctx, k, limit);
  if (end - k < MIN_NOUN_CLAIM) return null;
  const claim: [number, number] = [directQuote ? directQuote.start : tokens[k].start, tokens[end - 1].end];
  return directQuote ? { quote: directQuote, claim } : { claim };
}

/** Where unmarked speech after a colon stops: a comma followed by a cue of saying, else `to` (bounded scan). */
function colonSpeechEnd(ctx: Ctx, from: number, to: number): number {
  const { tokens, text } = ctx;
  const limit = Math.min(to, from + MAX_COLON_SPEECH);
  const saying = (t: Token): boolean => {
    const form = t.kind === "word" && !t.enc ? ctx.res.reporting.words.get(t.stem) : undefined;
    return !!form && (form.kind === "participle" || form.kind === "verb") && form.frame !== "prep";
  };
  for (let k = from + 1; k + 1 < limit; k++) {
    const t = tokens[k];
    // the next "قال [name]:" starts speech of its own: colon speeches never overlap, so their words stay linear
    if (saying(t) && colonAfter(ctx, k + 1, limit)) return k;
    if (t.kind !== "punct" || (text[t.start] !== "،" && text[t.start] !== ",")) continue;
    if (saying(tokens[k + 1])) return k;
  }
  return limit;
}

/** Whether a colon follows within a speaker's name's reach of j, with only words before it. */
function colonAfter(ctx: Ctx, j: number, limit: number): boolean {
  for (let k = j; k < Math.min(limit, j + SPEAKER_REACH); k++) {
    if (isColon(ctx.text, ctx.tokens[k])) return true;
    if (ctx.tokens[k].kind !== "word") return false;
  }
  return false;
}

const isColon = (text: string, t: Token): boolean => t.kind === "punct" && (text[t.start] === ":" || text[t.start] === "：");

/** The index after the last token worth keeping before `to`: trailing punctuation and a dangling conjunction dropped. */
function trimEnd(ctx: Ctx, from: number, to: number): number {
  let end = to;
  while (end > from && ctx.tokens[end - 1].kind === "punct" && !isQuoteMark(ctx.text, ctx.tokens[end - 1])) end--;
  // a quote closing at the very end keeps its mark out of the words
  while (end > from && ctx.tokens[end - 1].kind === "punct") end--;
  return end;
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
  if (cue.at - from <= 1 || (cue.at - from === 2 && skipAdverbs(ctx, from, cue.at) === cue.at)) {
    a = skipAdverbs(ctx, found.end, to);
    if (a < to && tokens[a].norm === "فان") a++;
    b = trimEnd(ctx, a, to);
  } else {
    // "وتسببت الاشتباكات، وفق المرصد، بمقتل 10": set in the middle, the phrase leaves the claim whole
    a = from;
    const rest = skipAdverbs(ctx, found.end, to);
    b = trimEnd(ctx, from, to - rest >= MIN_NOUN_CLAIM ? to : cue.at);
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
  for (let c = ctx.claims.length - 1; c >= 0 && ctx.claims[c].sentence === si && !found; c--) {
    const claim = ctx.claims[c];
    if (claim.start <= q.start && claim.end >= q.end) found = { speaker: { name: claim.source.name, entity: claim.source.entity, type: claim.source.type, role: claim.source.role }, source: claim.source, end: q.open };
  }
  found ??= nearestSpeaker(ctx, q.open - 1, from);
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

/** Anonymous sources remembered for a later bare "المصدر" (most recent first). */
const ANONYMOUS_MEMORY = 8;
/** How many of a speaker's latest quotes a new one is compared with for containment. */
const DEDUPE_REACH = 32;

function rememberAnonymous(ctx: Ctx, source: Source): void {
  if (source.type !== "anonymous" || ctx.lastAnonymous[0]?.name === source.name) return;
  ctx.lastAnonymous.unshift(source);
  if (ctx.lastAnonymous.length > ANONYMOUS_MEMORY) ctx.lastAnonymous.pop();
}

function addQuote(ctx: Ctx, speaker: Speaker, start: number, end: number, verb: string | null, via: string | null, sentence: number, continued: boolean): string {
  const q: Quote = { id: `q${ctx.quotes.length + 1}`, text: ctx.text.slice(start, end), start, end, speaker, verb, via, sentence, continued };
  ctx.quotes.push(q);
  if (speaker.type === "anonymous") rememberAnonymous(ctx, { ...speaker, kind: "anonymous", descriptor: speaker.name });
  return q.id;
}

function addClaim(ctx: Ctx, source: Source, start: number, end: number, verb: string | null, via: string | null, stance: Claim["stance"], sentence: number, quote: string | null): void {
  ctx.claims.push({ id: `c${ctx.claims.length + 1}`, text: ctx.text.slice(start, end), start, end, source, verb, via, stance, sentence, quote });
  rememberAnonymous(ctx, source);
}

/** De-duplicates the quotes, numbers quotes and claims, and points each claim to a quote that still exists and overlaps it. */
function finish(ctx: Ctx): void {
  const survivor = dedupeQuotes(ctx);
  ctx.quotes.forEach((q, k) => (q.id = `q${k + 1}`));
  const overlaps = (q: Quote, c: Claim): boolean => q.start < c.end && q.end > c.start;
  ctx.claims.forEach((c, k) => {
    c.id = `c${k + 1}`;
    if (c.quote === null) return;
    const target = survivor.get(c.quote);
    if (target && overlaps(target, c)) c.quote = target.id;
    else {
      // the claim's own quote was merged into one elsewhere: any kept quote over the same words, else none
      const other = ctx.quotes.find((q) => q.sentence === c.sentence && overlaps(q, c));
      c.quote = other ? other.id : null;
    }
  });
}

/**
 * One quote per (speaker, words): a headline that repeats a body quote is the same quote. Returns, for
 * every quote id before de-duplication, the quote that stands for it now.
 */
function dedupeQuotes(ctx: Ctx): Map<string, Quote> {
  const survivor = new Map<string, Quote>(ctx.quotes.map((q) => [q.id, q]));
  if (ctx.quotes.length < 2) return survivor;
  const words = new Map(ctx.quotes.map((q) => [q, q.text.replace(/[^\p{L}\p{N}]+/gu, " ").trim()]));
  const norm = (q: Quote): string => words.get(q)!;
  const key = (q: Quote): string => `${q.speaker.name}\u0000${norm(q)}`;
  // kept[slot] is the quote standing for its slot now; each speaker's slots in order, and slots by exact words
  const kept: Quote[] = [];
  const bySpeaker = new Map<string, number[]>();
  const exact = new Map<string, number>();
  for (const q of ctx.quotes) {
    const mine = bySpeaker.get(q.speaker.name) ?? [];
    bySpeaker.set(q.speaker.name, mine);
    // containment is looked for among the speaker's latest quotes only: a headline's twin is near, and a
    // text of endless quotes by one speaker stays linear
    const slot = exact.get(key(q)) ?? mine.slice(-DEDUPE_REACH).find((k) => norm(kept[k]).includes(norm(q)) || norm(q).includes(norm(kept[k])));
    if (slot === undefined) {
      exact.set(key(q), kept.length);
      mine.push(kept.length);
      kept.push(q);
      continue;
    }
    const twin = kept[slot];
    if (twin.verb === null && q.verb !== null) {
      // prefer the body's quote
      kept[slot] = q;
      if (!exact.has(key(q))) exact.set(key(q), slot);
      survivor.set(twin.id, q);
    } else survivor.set(q.id, twin);
  }
  ctx.quotes = kept;
  // a quote replaced by a later twin hands on to it (follow the chain: at most one step per replacement)
  const live = new Set(kept);
  for (const [id, q] of survivor) {
    let s = q;
    for (let n = 0; !live.has(s) && n < 4; n++) s = survivor.get(s.id) ?? s;
    survivor.set(id, s);
  }
  return survivor;
}
