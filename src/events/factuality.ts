/**
 * Factuality: whether a trigger's event is reported as having happened. Cue words before the trigger
 * (data/events/factuality-cues.tsv) make it negated, denied, planned, threatened or hypothetical, or
 * no event at all (a state of control, a habit); so do the future prefix سـ, a subjunctive verb ("أن
 * تتقدم"), and a present-tense verb of control in running text
 * ("التي تسيطر على"), which describes a state. Inside a claim, the claim's stance decides.
 */
import type { Claim, Token } from "../document.js";
import { dataPath } from "../data-dir.js";
import { nameKeys, tokenKey } from "../text/keys.js";
import { KeyTrie } from "../util/trie.js";
import { readTsv } from "../util/tsv.js";
import type { Trigger } from "./lexicon.js";

export type CueKind = "negation" | "denial" | "plan" | "aim" | "expectation" | "preparation" | "call" | "threat" | "condition" | "question" | "permission" | "attempt" | "generic" | "state" | "habit";
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
}

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
  return { words, phrases };
}

export interface Factuality {
  /** null: no event (a state or a habit). */
  modality: Modality | null;
  /** What decided it: the cue's kind and words, when a cue did. */
  cue: { kind: CueKind | "future" | "subjunctive"; text: string } | null;
}

/** "لا يزال", "ما زالت": still, not a negation; "لا سيما": especially. */
const NOT_NEGATING = new Set(["يزال", "تزال", "زال", "زالت", "يزالون", "زالوا", "برح", "سيما"]);
/** An attempt leaves ground untaken; an attempted attack or killing is still an attack ("محاولة اغتيال"). */
const ATTEMPTABLE = new Set(["seize_control", "advance", "withdraw"]);
/** Hard clause breaks a cue does not reach across. */
const BREAKS = new Set([".", "؛", ";", ":", "!", "؟", "?"]);

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
  for (let k = at - 1; k >= from; k--) {
    const w = tokens[k];
    if (w.kind === "punct" && BREAKS.has(w.norm)) break;
    const hit = cueAt(lex, tokens, k, at);
    if (!hit) continue;
    const { cue } = hit;
    if (cue.reach && at - k > cue.reach) continue;
    if (cue.kind === "negation" && NOT_NEGATING.has(tokens[hit.end]?.stem ?? "")) continue;
    if (cue.kind === "attempt" && !ATTEMPTABLE.has(trigger.type)) continue;
    return { modality: MODALITY[cue.kind], cue: { kind: cue.kind, text: show(k, hit.end) } };
  }
  if (isPresent(trigger)) {
    const prev = tokens[at - 1];
    const raw = prev ? text.slice(prev.start, prev.end) : "";
    if (raw === "أن" || raw === "لن" || raw === "كي" || raw === "لكي") return { modality: "planned", cue: { kind: "subjunctive", text: raw } };
    if (/(^|\+)ل$/.test(t.pro)) return { modality: "planned", cue: { kind: "subjunctive", text: show(at, at + 1) } };
    // "التي تسيطر على أراض": in running text a present verb of control is a state; a headline's is news
    if (trigger.type === "seize_control" && !title) return { modality: null, cue: { kind: "state", text: show(at, at + 1) } };
  }
  if (claim) return { modality: claim.stance === "denied" ? "denied" : "claimed", cue: null };
  return { modality: "asserted", cue: null };
}
