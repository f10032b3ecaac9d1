/**
 * Word sense for event triggers: a trigger word reports a conflict event only in its conflict sense.
 *  - Other senses are data (data/events/non-event-senses.tsv): a cue word next to the trigger names the
 *    sense ("فجر اليوم" is dawn, "إيقاف رحلاتها" a suspension of flights, "مواجهة التطرف" a policy).
 *  - A violent or territorial trigger needs conflict context in its sentence
 *    (data/events/conflict-context.tsv): a weapon, an act of war, a casualty, a force or a military
 *    target; an armed or state force the entities stage found; or a place in a country at war
 *    (data/events/conflict-countries.tsv). An arrest needs an authority, a force or a suspect.
 */
import type { MarsadDocument, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import type { MentionRef } from "../entities/mentions.js";
import { dataPath } from "../data-dir.js";
import { nameKeys, tokenKey } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { KeyTrie } from "../util/trie.js";
import { readTsv } from "../util/tsv.js";
import type { EventType, Trigger } from "./lexicon.js";

type ContextKind = "weapon" | "warplane" | "aircraft" | "casualty" | "force" | "target" | "violence" | "authority" | "suspect";
const KINDS: readonly ContextKind[] = ["weapon", "warplane", "aircraft", "casualty", "force", "target", "violence", "authority", "suspect"];

interface SenseCue {
  cue: string;
  where: "next" | "prev" | "near" | "suffix";
  sense: string;
}

export interface SenseLexicon {
  context: Map<string, ContextKind>;
  contextPhrases: KeyTrie<ContextKind>;
  conflictCountries: Set<string>;
  /** Other senses by the trigger's normalised lemma or form. */
  cues: Map<string, SenseCue[]>;
}

export function loadSenseLexicon(): SenseLexicon {
  const context = new Map<string, ContextKind>();
  const contextPhrases = new KeyTrie<ContextKind>();
  for (const r of readTsv(dataPath("events", "conflict-context.tsv"), ["word_ar", "kind", "note"] as const)) {
    if (!(KINDS as readonly string[]).includes(r.kind)) throw new Error(`${r._file}:${r._line}: unknown kind "${r.kind}" (one of ${KINDS.join(", ")})`);
    const keys = nameKeys(r.word_ar);
    if (keys.length > 1) contextPhrases.add(keys, r.kind as ContextKind);
    else if (keys.length) context.set(keys[0], r.kind as ContextKind);
  }
  const conflictCountries = new Set(readTsv(dataPath("events", "conflict-countries.tsv"), ["country", "note"] as const).map((r) => r.country.toUpperCase()));
  const cues = new Map<string, SenseCue[]>();
  for (const r of readTsv(dataPath("events", "non-event-senses.tsv"), ["trigger", "cue", "where", "sense", "note"] as const)) {
    if (!["next", "prev", "near", "suffix"].includes(r.where)) throw new Error(`${r._file}:${r._line}: where must be next, prev, near or suffix, found "${r.where}"`);
    const k = normalize(r.trigger);
    if (!cues.has(k)) cues.set(k, []);
    cues.get(k)!.push({ cue: normalize(r.cue), where: r.where as SenseCue["where"], sense: r.sense });
  }
  return { context, contextPhrases, conflictCountries, cues };
}

/** Types that need conflict context; protests, agreements, releases and displacement have their own words. */
const NEEDS_CONTEXT = new Set<EventType>(["seize_control", "advance", "withdraw", "armed_clash", "airstrike", "shelling", "explosion", "attack_civilians", "abduction"]);
const ARMED = new Set(["state_forces", "rebel_group", "political_militia", "identity_militia", "external_force"]);
/** Words skipped between a trigger and its cue: "السيطرة على الحريق". */
const PREPS = new Set(["علي", "في", "من", "الي", "عن"]);

export interface SenseInput {
  doc: MarsadDocument;
  tokens: Token[];
  covers: Array<MentionRef | undefined>;
  /** Geocoded country of each place entity, by entity id. */
  countries: Map<string, string>;
}

export function placeCountries(doc: MarsadDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of doc.places) if (p.country) out.set(p.entity, p.country.toUpperCase());
  return out;
}

const matches = (t: Token | undefined, cue: string): boolean => !!t && t.kind === "word" && (t.norm === cue || t.stem === cue || tokenKey(t) === cue);

/** The other sense a trigger has here ("time", "aviation" …), or null when nothing says so. */
export function otherSense(lex: SenseLexicon, tokens: Token[], trigger: Trigger, at: number, end: number, from: number, to: number): string | null {
  const cues = lex.cues.get(trigger.lemma) ?? lex.cues.get(normalize(trigger.form));
  if (!cues) return null;
  let next = end;
  if (next < to && tokens[next].kind === "word" && PREPS.has(tokens[next].norm)) next++;
  for (const c of cues) {
    if (c.where === "next" && next < to && (matches(tokens[next], c.cue) || matches(tokens[end], c.cue))) return c.sense;
    if (c.where === "prev" && at - 1 >= from && matches(tokens[at - 1], c.cue)) return c.sense;
    // "أسرهم": the trigger's own pronoun suffix makes it the other word (their families)
    if (c.where === "suffix" && end - at === 1 && tokens[at].enc) return c.sense;
    if (c.where === "near") for (let k = Math.max(from, at - 3); k < Math.min(to, end + 3); k++) if ((k < at || k >= end) && matches(tokens[k], c.cue)) return c.sense;
  }
  return null;
}

export type ContextFound = Set<ContextKind | "armed" | "war_place">;

/** The kinds of conflict context the sentence [from, to) holds; the trigger's own words count. */
export function contextIn(lex: SenseLexicon, x: SenseInput, from: number, to: number): ContextFound {
  const found: ContextFound = new Set();
  const { tokens } = x;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const m = x.covers[k];
    if (m && m.start === k) {
      const e: WorkEntity = m.entity;
      if (e.type === "ORG" && e.category && ARMED.has(e.category)) found.add("armed");
      if (e.type === "ORG" && e.category === "government") found.add("authority");
      if ((e.type === "LOC" || e.type === "FAC") && lex.conflictCountries.has(x.countries.get(e.id) ?? "")) found.add("war_place");
    }
    if (t.kind !== "word") continue;
    const key = tokenKey(t);
    const node = lex.contextPhrases.mayStart(t) ? (lex.contextPhrases.start(key) ?? lex.contextPhrases.start(t.norm)) : undefined;
    if (node && k + 1 < to) {
      const n = tokens[k + 1];
      const next = node.next(tokenKey(n)) ?? node.next(n.norm);
      if (next?.values.length) found.add(next.values[0]);
      else if (next && k + 2 < to) {
        const n2 = tokens[k + 2];
        const last = next.next(tokenKey(n2)) ?? next.next(n2.norm);
        if (last?.values.length) found.add(last.values[0]);
      }
    }
    const kind = lex.context.get(key) ?? lex.context.get(t.stem) ?? lex.context.get(t.norm);
    if (kind) found.add(kind);
  }
  return found;
}

/** Whether a trigger of this type has the context its conflict sense needs, given its sentence's (`contextIn`). */
export function hasConflictContext(type: EventType, c: ContextFound): boolean {
  if (type === "arrest") return c.has("authority") || c.has("force") || c.has("armed") || c.has("suspect") || c.has("weapon") || c.has("warplane");
  if (!NEEDS_CONTEXT.has(type)) return true;
  return c.has("weapon") || c.has("warplane") || c.has("violence") || c.has("casualty") || c.has("force") || c.has("armed") || c.has("target") || c.has("war_place");
}

/** How near a shelling trigger an aircraft word makes it an airstrike ("قصفت طائرات التحالف", "قصف جوي بالمروحيات"). */
const AIRCRAFT_REACH = 4;

/** Whether an aircraft word stands within AIRCRAFT_REACH words of the trigger [at, end), in [from, to). */
export function byAircraft(lex: SenseLexicon, tokens: Token[], at: number, end: number, from: number, to: number): boolean {
  for (let k = Math.max(from, at - AIRCRAFT_REACH); k < Math.min(to, end + AIRCRAFT_REACH); k++) {
    const t = tokens[k];
    if (k >= at && k < end) continue;
    const kind = t.kind === "word" ? (lex.context.get(tokenKey(t)) ?? lex.context.get(t.stem) ?? lex.context.get(t.norm)) : undefined;
    if (kind === "aircraft" || kind === "warplane") return true;
  }
  return false;
}
