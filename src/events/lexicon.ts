/**
 * The event vocabulary: trigger words and phrases with their type, where their place and actor stand
 * (data/lexicon/event-triggers.tsv); casualty words, number words, time words; the event types with
 * their ACLED and CAMEO codes (data/events/types.tsv); the nouns that head an actor phrase.
 */
import { existsSync } from "node:fs";
import { dataPath } from "../data-dir.js";
import { nameKeys, tokenKey } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { KeyTrie } from "../util/trie.js";
import { WordCache } from "../util/word-cache.js";
import { readList, readTsv } from "../util/tsv.js";

export const EVENT_TYPES = ["seize_control", "advance", "withdraw", "armed_clash", "airstrike", "shelling", "explosion", "attack_civilians", "arrest", "abduction", "release_detainees", "protest", "agreement", "displacement"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface Trigger {
  form: string;
  type: EventType;
  pos: "verb" | "noun" | "participle" | "phrase";
  lemma: string;
  /** Prepositions that introduce the place ("على", "في", "من"); "obj" for a direct object; empty: any. */
  placePreps: Set<string>;
  /** Where the actor stands: the subject, the genitive after a noun, a passive agent ("من قبل X");
   * `armed`: an event only with a written armed or state actor; `person`: only when it acts on people. */
  actor: Set<"subj" | "gen" | "by" | "none" | "armed" | "person">;
}

export interface TypeInfo {
  type: EventType;
  disorderType: string;
  eventType: string;
  subEventType: string;
  /** CAMEO code to the level known; null where CAMEO has none. */
  cameo: string | null;
  violent: boolean;
  labelEn: string;
  labelAr: string;
}

export interface CasualtyWord {
  kind: "killed" | "wounded" | "captured" | "freed" | "displaced" | "count_noun";
  number: string;
}

export interface NumberWord {
  value: number | null;
  kind: string;
}

export interface TimeWord {
  kind: "month" | "weekday" | "relative" | "daypart" | "approx" | "background" | "hijri_month" | "month_past" | "month_next" | "hijri_era";
  value: string;
}

export interface EventLexicon {
  triggers: Map<string, Trigger[]>;
  /** `triggers` looked up once per distinct word (by stem, then normalised form). */
  triggersOf: WordCache<Trigger[] | null>;
  phrases: KeyTrie<Trigger>;
  types: Map<EventType, TypeInfo>;
  casualties: Map<string, CasualtyWord>;
  casualtyPhrases: KeyTrie<CasualtyWord>;
  numbers: Map<string, NumberWord>;
  numberPhrases: KeyTrie<NumberWord>;
  time: Map<string, TimeWord>;
  /** `time` looked up once per distinct word (by key, normalised form, then stem). */
  timeOf: WordCache<TimeWord | null>;
  timePhrases: KeyTrie<TimeWord>;
  actorHeads: Set<string>;
  /** Lemmas of verb triggers whose masdar, spelled alike, reads as an event (data/events/masdar-triggers.txt). */
  masdars: ReadonlySet<string>;
}

const optional = (file: string): boolean => existsSync(dataPath("lexicon", file));

/** Adds a row under its key sequence: one word to the map, several to the trie. */
function index<V>(form: string, value: V, words: Map<string, V | V[]>, phrases: KeyTrie<V>, many = false): void {
  const keys = nameKeys(form);
  if (!keys.length) return;
  if (keys.length > 1) return phrases.add(keys, value);
  const k = keys[0];
  if (many) (((words.get(k) as V[] | undefined) ?? (words.set(k, [] as V[]).get(k) as V[])) as V[]).push(value);
  else if (!words.has(k)) words.set(k, value);
}

export function loadEventLexicon(): EventLexicon {
  const triggers = new Map<string, Trigger[]>();
  const phrases = new KeyTrie<Trigger>();
  if (optional("event-triggers.tsv")) {
    for (const r of readTsv(dataPath("lexicon", "event-triggers.tsv"), ["form_ar", "type", "pos", "lemma", "place_prep", "actor", "note"] as const)) {
      if (!(EVENT_TYPES as readonly string[]).includes(r.type)) throw new Error(`${r._file}:${r._line}: unknown event type "${r.type}"`);
      const t: Trigger = {
        form: r.form_ar,
        type: r.type as EventType,
        pos: r.pos as Trigger["pos"],
        lemma: normalize(r.lemma),
        placePreps: new Set(r.place_prep.split("|").map((p) => normalize(p.trim())).filter(Boolean)),
        actor: new Set(r.actor.split("|").map((a) => a.trim()).filter(Boolean) as Array<"subj" | "gen" | "by" | "none" | "armed" | "person">),
      };
      index(r.form_ar, t, triggers as Map<string, Trigger | Trigger[]>, phrases, true);
    }
  }
  const types = new Map<EventType, TypeInfo>();
  for (const r of readTsv(dataPath("events", "types.tsv"), ["type", "disorder_type", "acled_event_type", "acled_sub_event_type", "cameo", "violent", "label_en", "label_ar"] as const)) {
    types.set(r.type as EventType, { type: r.type as EventType, disorderType: r.disorder_type, eventType: r.acled_event_type, subEventType: r.acled_sub_event_type, cameo: r.cameo || null, violent: r.violent === "yes", labelEn: r.label_en, labelAr: r.label_ar });
  }
  const casualties = new Map<string, CasualtyWord>();
  const casualtyPhrases = new KeyTrie<CasualtyWord>();
  if (optional("casualty-words.tsv")) {
    for (const r of readTsv(dataPath("lexicon", "casualty-words.tsv"), ["form_ar", "kind", "number", "note"] as const)) {
      index(r.form_ar, { kind: r.kind as CasualtyWord["kind"], number: r.number }, casualties as Map<string, CasualtyWord | CasualtyWord[]>, casualtyPhrases);
    }
  }
  const numbers = new Map<string, NumberWord>();
  const numberPhrases = new KeyTrie<NumberWord>();
  if (optional("number-words.tsv")) {
    for (const r of readTsv(dataPath("lexicon", "number-words.tsv"), ["word_ar", "value", "kind", "note"] as const)) {
      const value = r.value === "" ? null : Number(r.value);
      index(r.word_ar, { value: Number.isFinite(value) ? value : null, kind: r.kind }, numbers as Map<string, NumberWord | NumberWord[]>, numberPhrases);
    }
  }
  const time = new Map<string, TimeWord>();
  const timePhrases = new KeyTrie<TimeWord>();
  if (optional("time-words.tsv")) {
    for (const r of readTsv(dataPath("lexicon", "time-words.tsv"), ["word_ar", "kind", "value", "note"] as const)) {
      index(r.word_ar, { kind: r.kind as TimeWord["kind"], value: r.value }, time as Map<string, TimeWord | TimeWord[]>, timePhrases);
    }
  }
  const actorHeads = new Set(readList(dataPath("events", "actor-heads.txt")).map((w) => normalize(w)));
  const masdars = new Set(readList(dataPath("events", "masdar-triggers.txt")).map((w) => normalize(w)));
  const triggersOf = new WordCache<Trigger[] | null>((t) => triggers.get(t.stem) ?? triggers.get(t.norm) ?? null);
  const timeOf = new WordCache<TimeWord | null>((t) => time.get(tokenKey(t)) ?? time.get(t.norm) ?? time.get(t.stem) ?? null);
  return { triggers, triggersOf, phrases, types, casualties, casualtyPhrases, numbers, numberPhrases, time, timeOf, timePhrases, actorHeads, masdars };
}
