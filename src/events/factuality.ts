/**
 * Factuality: whether a trigger's event is reported as having happened. Cue words before the trigger
 * (data/events/factuality-cues.tsv) make it negated, denied, planned, threatened or hypothetical, or
 * no event at all (a state of control, a habit); so do the future prefix سـ, a subjunctive verb ("أن
 * تتقدم"), and a present-tense verb of control in running text
 * ("التي تسيطر على"), which describes a state. A verbal noun after لـ names an aim ("تقدمت لتحرير
 * المدينة") unless a word before it takes لـ as its complement ("تعرضت لهجوم": purpose-governors.tsv);
 * a participle naming the people it befell ("النازحين", "المختطفين") is a state. Inside a claim, the
 * claim's stance decides.
 */
import type { Claim, Token } from "../document.js";
import { dataPath } from "../data-dir.js";
import { hasArticle, nameKeys, tokenKey } from "../text/keys.js";
import { KeyTrie } from "../util/trie.js";
import { readTsv } from "../util/tsv.js";
import type { EventType, Trigger } from "./lexicon.js";

export type CueKind = "negation" | "denial" | "plan" | "aim" | "expectation" | "preparation" | "call" | "threat" | "condition" | "question" | "permission" | "attempt" | "generic" | "state" | "habit" | "factive";
export type Modality = "asserted" | "claimed" | "denied" | "negated" | "planned" | "threatened" | "hypothetical";

const MODALITY: Record<CueKind, Modality | null> = {
  negation: "negated",
  denial: "denied",
  plan: "planned",
  aim: "planned",
  expectation: "planned",
  preparation: "planned",
  call: "planned",
  threat: "threatened",
  condition: "hypothetical",
  question: "hypothetical",
  permission: "hypothetical",
  attempt: "hypothetical",
  generic: "hypothetical",
  state: null,
  habit: null,
  factive: "asserted",
};

/** Whether an event of this modality is reported as having happened. */
export const happenedWith = (m: string): boolean => m === "asserted" || m === "claimed";

interface Cue {
  kind: CueKind;
  /** At most this many words before the trigger; 0: anywhere before it in the sentence. */
  reach: number;
}

export interface FactualityLexicon {
  words: Map<string, Cue>;
  phrases: KeyTrie<Cue>;
  /** Words that take لـ as their complement, with their reach (0: anywhere before in the sentence). */
  governors: Map<string, number>;
  /** Words after a trigger noun that date it to come (data/events/future-times.tsv), normalised. */
  future: Map<string, FutureKind>;
}

type FutureKind = "alone" | "next" | "time";
const FUTURE_KINDS = new Set<string>(["alone", "next", "time"]);

const span = (c: Cue | undefined): number => (!c ? -1 : c.reach === 0 ? Infinity : c.reach);

export function loadFactualityLexicon(): FactualityLexicon {
  const words = new Map<string, Cue>();
  const phrases = new KeyTrie<Cue>();
  for (const r of readTsv(dataPath("events", "factuality-cues.tsv"), ["cue", "kind", "reach", "note"] as const)) {
    if (!(r.kind in MODALITY)) throw new Error(`${r._file}:${r._line}: unknown kind "${r.kind}" (one of ${Object.keys(MODALITY).join(", ")})`);
    const reach = Number(r.reach);
    if (!Number.isInteger(reach) || reach < 0) throw new Error(`${r._file}:${r._line}: reach must be a whole number of words, found "${r.reach}"`);
    const cue = { kind: r.kind as CueKind, reach };
    const keys = nameKeys(r.cue);
    if (keys.length > 1) phrases.add(keys, cue);
    // forms that normalise alike ("نفى", "نفي") keep the longer reach
    else if (keys.length && span(cue) > span(words.get(keys[0]))) words.set(keys[0], cue);
  }
  const governors = new Map<string, number>();
  for (const r of readTsv(dataPath("events", "purpose-governors.tsv"), ["word", "reach", "note"] as const)) {
    const reach = Number(r.reach);
    if (!Number.isInteger(reach) || reach < 0) throw new Error(`${r._file}:${r._line}: reach must be a whole number of words, found "${r.reach}"`);
    const keys = nameKeys(r.word);
    if (keys.length !== 1) throw new Error(`${r._file}:${r._line}: give one word, found "${r.word}"`);
    governors.set(keys[0], reach);
  }
  const future = new Map<string, FutureKind>();
  for (const r of readTsv(dataPath("events", "future-times.tsv"), ["word", "kind", "note"] as const)) {
    if (!FUTURE_KINDS.has(r.kind)) throw new Error(`${r._file}:${r._line}: unknown kind "${r.kind}" (one of ${[...FUTURE_KINDS].join(", ")})`);
    const keys = nameKeys(r.word);
    if (keys.length !== 1) throw new Error(`${r._file}:${r._line}: give one word, found "${r.word}"`);
    future.set(keys[0], r.kind as FutureKind);
  }
  return { words, phrases, governors, future };
}

export interface Factuality {
  /** null: no event (a state or a habit). */
  modality: Modality | null;
  /** What decided it: the cue's kind and words, when a cue did. */
  cue: { kind: CueKind | "future" | "subjunctive" | "purpose" | "people"; text: string } | null;
}

/** "لا يزال", "ما زالت": still, not a negation; "لا سيما": especially. */
const NOT_NEGATING = new Set(["يزال", "تزال", "زال", "زالت", "يزالون", "زالوا", "برح", "سيما"]);
/** An attempt leaves ground untaken; an attempted attack or killing is still an attack ("محاولة اغتيال"). */
const ATTEMPTABLE = new Set(["seize_control", "advance", "withdraw"]);
/** Hard clause breaks a cue does not reach across. */
export const CLAUSE_BREAKS = new Set([".", "؛", ";", ":", "!", "؟", "?"]);

/**
 * Types whose verbal noun after لـ names an aim ("لتحرير", "للسيطرة على", "لاقتحام", "للقتال"). A weapon
 * or a blast after لـ ("تعرض لقذائف", "صورا لتفجير") mostly happened, "خرجوا للاحتجاج" is a protest held,
 * and an attempted killing is an attack all the same.
 */
const AIMABLE = new Set<EventType>(["seize_control", "advance", "withdraw", "armed_clash", "release_detainees", "arrest", "abduction", "displacement"]);
/** Participles that name the people an event befell ("عودة النازحين", "أهالي المختطفين"): who they are, not a happening. */
const PEOPLE = new Set<EventType>(["displacement", "abduction"]);
const hasLam = (pro: string): boolean => /(^|\+)ل(\+ال)?$/.test(pro);

const isPresent = (t: Trigger): boolean => t.pos === "verb" && /^[يت]/.test(t.form) && !/(ت|وا)$/.test(t.form) && t.form !== t.lemma;

/** The cue starting at token k; a phrase may end on the trigger itself ("تحت سيطرة"), up to `last`. */
function cueAt(lex: FactualityLexicon, tokens: Token[], k: number, last: number): { cue: Cue; end: number } | null {
  const t = tokens[k];
  if (t.kind !== "word") return null;
  let node = lex.phrases.mayStart(t) ? (lex.phrases.start(tokenKey(t)) ?? lex.phrases.start(t.norm)) : undefined;
  for (let m = k + 1; node && m <= last; m++) {
    const n = tokens[m];
    node = node.next(tokenKey(n)) ?? node.next(n.norm);
    if (node?.values.length) return { cue: node.values[0], end: m + 1 };
  }
  const cue = lex.words.get(t.stem) ?? lex.words.get(t.norm) ?? lex.words.get(tokenKey(t));
  return cue ? { cue, end: k + 1 } : null;
}

/**
 * The factuality of the trigger at tokens [at, end) in the sentence starting at `from`. `text` is the
 * document's text (a subjunctive needs the hamza of "أن", which normalisation drops); `title` says the
 * sentence is the headline, where a present-tense verb reports news.
 */
export function factualityOf(lex: FactualityLexicon, text: string, tokens: Token[], trigger: Trigger, at: number, from: number, claim: Claim | null, title: boolean): Factuality {
  const t = tokens[at];
  const show = (a: number, b: number): string => text.slice(tokens[a].start, tokens[b - 1].end);
  if (trigger.pos === "verb" && /(^|\+)س$/.test(t.pro)) return { modality: "planned", cue: { kind: "future", text: show(at, at + 1) } };
  if (trigger.pos === "participle" && PEOPLE.has(trigger.type)) return { modality: null, cue: { kind: "people", text: show(at, at + 1) } };
  let attempted = false;
  for (let k = at - 1; k >= from; k--) {
    const w = tokens[k];
    if (w.kind === "punct" && CLAUSE_BREAKS.has(w.norm)) break;
    // "أن تسهم في تسريع حسم معركة صنعاء": inside a subjunctive's complement, a noun names what may be
    if (at - k <= SUBJUNCTIVE_REACH && k < at && subjunctiveVerb(text, tokens, k)) return { modality: "planned", cue: { kind: "subjunctive", text: show(k - 1, k + 1) } };
    // "سيبدأون خوض معركة تحرير المنطقة": a noun in the complement of a future verb names what is to come
    // a definite noun names a known happening ("سيرد على الهجوم الذي شنته"): only an indefinite one or a construct is still to come
    if (!isPast(trigger) && !hasArticle(t.pro) && at - k <= SUBJUNCTIVE_REACH && futureVerb(tokens[k])) return { modality: "planned", cue: { kind: "future", text: show(k, k + 1) } };
    const hit = cueAt(lex, tokens, k, at);
    if (!hit) continue;
    const { cue } = hit;
    if (cue.reach && at - k > cue.reach) continue;
    // "… بعد أن قتل انتحاري": what the clause of time tells happened, whatever governs the clause
    if (cue.kind === "factive") break;
    if (cue.kind === "negation" && NOT_NEGATING.has(tokens[hit.end]?.stem ?? "")) continue;
    if (cue.kind === "attempt" && !ATTEMPTABLE.has(trigger.type)) {
      attempted = true;
      continue;
    }
    return { modality: MODALITY[cue.kind], cue: { kind: cue.kind, text: show(k, hit.end) } };
  }
  const ahead = trigger.pos === "verb" ? -1 : futureTimeAfter(lex, tokens, at);
  if (ahead >= 0) return { modality: "planned", cue: { kind: "future", text: show(ahead, ahead + 1) } };
  if (!attempted && hasLam(t.pro) && AIMABLE.has(trigger.type) && !isPresent(trigger) && !governed(lex, tokens, at, from)) {
    return { modality: "planned", cue: { kind: "purpose", text: show(at, at + 1) } };
  }
  if (isPresent(trigger)) {
    const prev = tokens[at - 1];
    const raw = prev ? text.slice(prev.start, prev.end) : "";
    if (raw === "أن" || raw === "لن" || raw === "كي" || raw === "لكي") return { modality: "planned", cue: { kind: "subjunctive", text: raw } };
    if (/(^|\+)ل$/.test(t.pro)) return { modality: "planned", cue: { kind: "subjunctive", text: show(at, at + 1) } };
    // "التي تسيطر على أراض", "حل يتفق مع البيان": in running text a present verb of control or of agreeing is a state; a headline's is news
    if ((trigger.type === "seize_control" || trigger.type === "agreement") && !title) return { modality: null, cue: { kind: "state", text: show(at, at + 1) } };
  }
  if (claim) return { modality: claim.stance === "denied" ? "denied" : "claimed", cue: null };
  return { modality: "asserted", cue: null };
}

/** A past-tense verb has its own tense: a future verb before it governs another clause ("سيرد على الهجوم الذي شنته"). */
const isPast = (t: Trigger): boolean => t.pos === "verb" && !/^[يتن]/.test(t.form);

/** Whether a token is a verb with the future prefix سـ ("سيبدأون", "وستواصل"): the segmenter splits it off a present stem. */
function futureVerb(t: Token): boolean {
  return t.kind === "word" && /(^|\+)س$/.test(t.pro) && /^[يتنا]/.test(t.stem) && t.stem.length >= 3;
}

/** How many words after a trigger noun a future time is looked for, within its clause. */
const FUTURE_REACH = 7;

/**
 * "تحرير مدن الأنبار في القريب العاجل", "معركة تحرير شقرة خلال الساعات القليلة المقبلة": a future time
 * after a trigger noun, before any punctuation, dates it to come. The index of the word that says so, or -1.
 */
function futureTimeAfter(lex: FactualityLexicon, tokens: Token[], at: number): number {
  const kind = (t: Token): FutureKind | undefined => lex.future.get(t.norm) ?? lex.future.get(t.stem) ?? lex.future.get(t.stem.replace(/^ال/, ""));
  for (let k = at + 1; k < tokens.length && k <= at + FUTURE_REACH; k++) {
    const t = tokens[k];
    if (t.kind === "punct") return -1;
    if (t.kind !== "word") continue;
    const here = kind(t);
    if (here === "alone") return k;
    if (here !== "next") continue;
    // the time noun right before, or two before past an adjective ("الساعات القليلة المقبلة")
    for (const j of [k - 1, k - 2]) if (j > at && tokens[j].kind === "word" && kind(tokens[j]) === "time") return k;
  }
  return -1;
}

/** How many words before a trigger noun a subjunctive verb governs it ("أن يؤدي إلى اندلاع مواجهات"). */
const SUBJUNCTIVE_REACH = 7;
/** Particles before a subjunctive verb, as written (normalisation drops the hamza that tells أن from إن). */
const SUBJUNCTIVE_PARTICLES = new Set(["أن", "لن", "كي", "لكي"]);
/** Present-tense look-alikes: nouns and month names that begin with ي or ت; the masdar shapes تفعيل, تفاعل; and
 * the copula ("نفى أن تكون الطائرات قد قصفت": the verb that governs it decides). */
const NOT_PRESENT = /^(يوم|يد|يمن|يونيو|يوليو|يناير|يكون|تكون|يكونوا|ت..ي.|ت.ا..)$/;

/** Whether token k is a present-tense verb right after a subjunctive particle ("أن تسهم", "لن يسمح"). */
function subjunctiveVerb(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (t.kind !== "word" || !prev || prev.kind !== "word" || t.pro || !/^[يت]/.test(t.stem) || t.stem.length < 4 || NOT_PRESENT.test(t.stem)) return false;
  return SUBJUNCTIVE_PARTICLES.has(text.slice(prev.start, prev.end));
}

/** Whether a word before the trigger takes its لـ as a complement ("تعرضت المدينة لقصف"). */
function governed(lex: FactualityLexicon, tokens: Token[], at: number, from: number): boolean {
  for (let k = at - 1; k >= from; k--) {
    const w = tokens[k];
    if (w.kind === "punct" && CLAUSE_BREAKS.has(w.norm)) return false;
    if (w.kind !== "word") continue;
    const reach = lex.governors.get(w.stem) ?? lex.governors.get(w.norm) ?? lex.governors.get(tokenKey(w));
    if (reach !== undefined && (reach === 0 || at - k <= reach)) return true;
  }
  return false;
}

/**
 * "لاقتحام المدينة وفك الحصار عنها", "لتحرير المدينة وبسط السيطرة عليها": a verbal noun joined by و
 * (on itself or on the word before it) to an unrealised event before it in its clause shares its
 * factuality. `prev` is the factuality of the trigger before, ending at `prevEnd`.
 */
export function sharedAim(tokens: Token[], trigger: Trigger, at: number, prev: Factuality | null, prevEnd: number): Factuality | null {
  // a verb has its own subject and tense; a noun spelled like its verb ("بسط") follows a light word
  if (!prev?.modality || happenedWith(prev.modality) || (trigger.pos === "verb" && trigger.form !== trigger.lemma) || at - prevEnd > 8) return null;
  // right after it: one event in two words ("بسط السيطرة", "شن الغارات")
  if (at === prevEnd) return prev;
  const joined = (k: number): boolean => k >= prevEnd && /^و(\+|$)/.test(tokens[k].pro);
  // a short verb before the noun keeps its و unsplit ("وفك الحصار", "وبسط السيطرة")
  const unsplit = (k: number): boolean => k >= prevEnd && tokens[k].kind === "word" && !tokens[k].pro && tokens[k].norm.startsWith("و");
  if (!joined(at) && !joined(at - 1) && !unsplit(at) && !unsplit(at - 1)) return null;
  // "ضرورة مواجهة الميليشيات، وطردهم من المديريات": a comma before و still joins two verbal nouns
  for (let k = prevEnd; k < at; k++) if (tokens[k].kind === "punct" && !(tokens[k].norm === "," && trigger.pos !== "verb" && k + 1 >= at - 1)) return null;
  return prev;
}
