/**
 * Article relevance: which topic an article is about, from the topic words it uses and the armed actors
 * it names, and which of its paragraphs carry conflict evidence of their own.
 *
 * Each topic word adds its weight to its topic (at most MAX_REPEAT times an article; the title counts
 * TITLE_WEIGHT times). An armed or state force named in a paragraph adds ACTOR_WEIGHT to conflict. The
 * topic is the highest-scoring one; below MIN_SCORE the article is "other". A paragraph's own conflict
 * score (its words and actors, no cap) of at least PARAGRAPH_MIN marks it as a conflict paragraph.
 */
import type { Genre, MarsadDocument, Topic, TopicLabel } from "../document.js";
import type { WorkEntity } from "../entities/index.js";
import { tokenKey } from "../text/keys.js";
import { TOPICS, type ScoredTopic, type TopicLexicon, type TopicWord } from "./lexicon.js";

/** A word repeated more often than this adds no more: one long piece on one word is not more on-topic. */
const MAX_REPEAT = 3;
/** The title says what the article is about more than any paragraph does. */
const TITLE_WEIGHT = 2;
/** A named armed or state force (a listed actor of an armed category) leans a paragraph to conflict. */
const ACTOR_WEIGHT = 2;
/** An article scoring less than this on every topic is "other" (a notice, a list, a very short item). */
const MIN_SCORE = 4;
/** Conflict evidence a paragraph needs on its own to report an event inside a non-conflict article. */
const PARAGRAPH_MIN = 6;
/** How many evidence words the document keeps. */
const EVIDENCE = 6;

const ARMED = new Set(["state_forces", "rebel_group", "political_militia", "identity_militia", "external_force"]);

function wordAt(doc: MarsadDocument, lex: TopicLexicon, i: number): { w: TopicWord; end: number } | null {
  const t = doc.tokens[i];
  if (t.kind !== "word") return null;
  const key = tokenKey(t);
  let node = lex.phrases.mayStart(t) ? (lex.phrases.start(key) ?? lex.phrases.start(t.norm)) : undefined;
  if (node) {
    let best: { w: TopicWord; end: number } | null = null;
    for (let m = i + 1; node && m <= doc.tokens.length; m++) {
      if (node.values.length) best = { w: node.values[0], end: m };
      const n = doc.tokens[m];
      if (!n || n.kind !== "word") break;
      node = node.next(tokenKey(n)) ?? node.next(n.norm);
    }
    if (best && best.end > i + 1) return best;
  }
  const w = lex.wordOf.get(t);
  return w ? { w, end: i + 1 } : null;
}

export function scoreTopic(doc: MarsadDocument, lex: TopicLexicon, entities: readonly WorkEntity[]): Topic {
  const scores = Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<ScoredTopic, number>;
  const seen = new Map<TopicWord, number>();
  const paragraphConflict = new Float64Array(doc.paragraphs.length);
  for (const s of doc.sentences) {
    const title = doc.paragraphs[s.paragraph]?.kind === "title";
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const hit = wordAt(doc, lex, i);
      if (!hit) continue;
      const { w } = hit;
      i = hit.end - 1;
      if (w.topic === "conflict") paragraphConflict[s.paragraph] += w.weight;
      const n = (seen.get(w) ?? 0) + 1;
      seen.set(w, n);
      if (n <= MAX_REPEAT) scores[w.topic] += w.weight * (title ? TITLE_WEIGHT : 1);
    }
  }
  let actorScore = 0;
  for (const e of entities) {
    if (e.type !== "ORG" || !e.category || !ARMED.has(e.category)) continue;
    let n = 0;
    for (const m of e.mentions) {
      const p = doc.sentences[m.sentence]?.paragraph;
      if (p === undefined) continue;
      paragraphConflict[p] += ACTOR_WEIGHT;
      if (++n <= MAX_REPEAT) actorScore += ACTOR_WEIGHT;
    }
  }
  scores.conflict += actorScore;
  let label: TopicLabel = "other";
  let best = 0;
  for (const t of TOPICS) {
    if (scores[t] > best) {
      best = scores[t];
      label = t;
    }
  }
  if (best < MIN_SCORE) label = "other";
  const total = TOPICS.reduce((a, t) => a + scores[t], 0);
  const evidence = label === "other" ? [] : [...seen.entries()].filter(([w]) => w.topic === label).sort((a, b) => b[0].weight * Math.min(b[1], MAX_REPEAT) - a[0].weight * Math.min(a[1], MAX_REPEAT)).slice(0, EVIDENCE).map(([w]) => w.form);
  const conflictParagraphs: number[] = [];
  paragraphConflict.forEach((v, p) => v >= PARAGRAPH_MIN && conflictParagraphs.push(p));
  return {
    label,
    score: total ? Math.round((best / total) * 100) / 100 : 0,
    scores: Object.fromEntries(TOPICS.map((t) => [t, Math.round(scores[t] * 10) / 10])) as Record<ScoredTopic, number>,
    evidence,
    conflictParagraphs,
  };
}

/** Topics whose articles report events anywhere ("other": too little evidence to rule them out). */
const EVENT_TOPICS = new Set<TopicLabel>(["conflict", "politics", "other"]);
/** Topics whose articles never report conflict events: a "هجوم" there is an attack on goal. */
const NEVER = new Set<TopicLabel>(["sport"]);
/** Topics whose articles report protests (over wages, prices, power cuts) though no conflict event. */
const PROTESTING = new Set<TopicLabel>(["society", "economy"]);

/**
 * Whether an event of this type may be reported in this paragraph: "all" in conflict and politics
 * articles (and in protests of society and economy ones); "background" for a conflict paragraph inside
 * an economy, culture, society or other article, and for every event an opinion column names; "none"
 * otherwise.
 */
export function eventScope(topic: Topic | null | undefined, paragraph: number, type?: string, genre?: Genre | null): "all" | "background" | "none" {
  const reported = genre === "opinion" ? "background" : "all";
  if (!topic || EVENT_TOPICS.has(topic.label)) return reported;
  if (NEVER.has(topic.label)) return "none";
  if (type === "protest" && PROTESTING.has(topic.label)) return "all";
  return topic.conflictParagraphs.includes(paragraph) ? "background" : "none";
}
