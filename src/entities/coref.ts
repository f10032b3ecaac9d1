/**
 * From mentions to entities: one entity per distinct person, organisation, place or facility, with
 * every mention. Mentions of the same listed actor or place group together; a short form groups with
 * the full name it ends ("داود أوغلو" → "أحمد داود أوغلو"); and once a full name is known, later bare
 * mentions of its last word ("الشرع") or of an organisation's head ("المرصد") are added to it.
 */
import type { Entity, EntityMention, Token } from "../document.js";
import type { PlaceName } from "../geo/gazetteer.js";
import { tokenKey } from "../text/keys.js";
import { nameStartInToken } from "../text/offsets.js";
import type { Actor } from "./actors.js";
import type { EntityLexicons, Head } from "./lexicons.js";
import type { Mention } from "./recognize.js";

/** An entity as the pipeline works on it; the JSON form keeps only the fields of `Entity`. */
export interface WorkEntity extends Entity {
  keys: string[];
  actor?: Actor;
  places?: PlaceName[];
  head?: Head;
  headText?: string;
  inner?: PlaceName[];
  /** Read as a place but naming none ("منطقة آمنة"): set by the geo stage, so events look past it. */
  noPlace?: boolean;
  /** Token ranges of the mentions, for later stages. */
  spans: Array<[number, number]>;
}

/** A place that stands for a state: a country, or a capital speaking for its government ("قالت طهران"). */
export const standsForState = (e: WorkEntity): boolean => e.type === "LOC" && !!e.places?.some((p) => p.place.kind === "country" || p.place.feature === "capital");

interface Surface {
  start: number;
  end: number;
  name: string;
  keys: string[];
}

/** The words of a mention as a name: the first token without attached prepositions, the article kept. */
export function surfaceOf(text: string, tokens: Token[], from: number, to: number): Surface {
  const first = tokens[from];
  const { start, addArticle } = nameStartInToken(text, first);
  const end = tokens[to - 1].end;
  const raw = text.slice(start, end).replace(/\s+/g, " ");
  const keys: string[] = [];
  for (let k = from; k < to; k++) if (tokens[k].kind !== "punct") keys.push(tokenKey(tokens[k]));
  return { start, end, name: (addArticle ? "ال" : "") + raw, keys };
}

/**
 * The group a mention joins: its actor; for places, any group already holding one of its candidate
 * places (so "حمص" and "مدينة حمص", whose candidate sets differ, are one place); else its type and keys.
 */
function groupKey(m: Mention, s: Surface, placeGroups: Map<string, string>): string {
  if (m.actor) return `actor:${m.actor.id}`;
  if (m.places?.length) {
    const ids = m.places.filter((p) => !p.stripped).map((p) => p.place.id);
    const all = ids.length ? ids : m.places.map((p) => p.place.id);
    const key = all.map((id) => placeGroups.get(id)).find(Boolean) ?? `place:${[...all].sort()[0]}`;
    for (const id of all) if (!placeGroups.has(id)) placeGroups.set(id, key);
    return key;
  }
  return `${m.type}:${s.keys.join(" ")}`;
}

/** Head kinds of armed forces: their bare definite head ("القوات") names no one force in particular. */
const FORCE_KINDS = new Set(["army", "armed_group", "militia", "unit", "police", "intelligence"]);

/** ACLED's interaction codes by actor category (docs/acled.md). */
export const INTER: Record<string, number> = {
  state_forces: 1, government: 1, rebel_group: 2, political_militia: 3, identity_militia: 4, civilians: 7, external_force: 8, international: 8,
};

/** The category a contextual organisation's head implies, when it implies one. */
const HEAD_CATEGORY: Record<string, string> = { army: "state_forces", police: "state_forces", intelligence: "state_forces", ministry: "government", government: "government", court: "government", outlet: "media", agency: "media" };

export function buildEntities(text: string, tokens: Token[], mentions: Mention[], lex: EntityLexicons, sentenceOf: (token: number) => number): WorkEntity[] {
  const groups = new Map<string, WorkEntity>();
  const placeGroups = new Map<string, string>();
  const forms = new Map<WorkEntity, Map<string, { keys: string[]; count: number }>>();
  const order: WorkEntity[] = [];
  for (const m of mentions) {
    const s = surfaceOf(text, tokens, m.tokenStart, m.tokenEnd);
    const key = groupKey(m, s, placeGroups);
    let e = groups.get(key);
    if (!e) {
      const category = m.actor?.category ?? (m.type === "ORG" && m.head ? (HEAD_CATEGORY[m.head.kind] ?? null) : null);
      e = {
        id: "", type: m.type, name: s.name, keys: s.keys, source: m.source,
        canonical: m.actor?.name ?? m.places?.[0]?.place.name ?? null,
        ref: m.actor?.id ?? null,
        category, inter: category ? (INTER[category] ?? null) : null,
        role: m.role ?? null, place: null,
        actor: m.actor, places: m.places, head: m.head, headText: m.headText, inner: m.inner, mentions: [], spans: [],
      };
      groups.set(key, e);
      order.push(e);
    }
    addMention(e, { start: s.start, end: s.end, text: text.slice(s.start, s.end), sentence: m.sentence, rule: m.rule }, [m.tokenStart, m.tokenEnd]);
    (forms.get(e) ?? forms.set(e, new Map()).get(e)!).set(s.name, { keys: s.keys, count: (forms.get(e)?.get(s.name)?.count ?? 0) + 1 });
    e.role ??= m.role ?? null;
    e.head ??= m.head;
    e.headText ??= m.headText;
    e.inner ??= m.inner;
    if (m.source === "list") e.source = "list";
  }
  for (const e of order) chooseName(e, forms.get(e)!);
  const merged = mergeShortForms(order);
  addBareMentions(text, tokens, merged, lex, sentenceOf);
  merged.forEach((e, k) => (e.id = `e${k + 1}`));
  return merged;
}

/**
 * The entity's name: for people and organisations the fullest form written; for places the form
 * written most often (a place's other names, "القارة السمراء" for أفريقيا, are not fuller forms of it),
 * the fuller on a tie.
 */
function chooseName(e: WorkEntity, forms: Map<string, { keys: string[]; count: number }>): void {
  const byPlace = e.type === "LOC" || e.type === "FAC";
  let best: [string, { keys: string[]; count: number }] | undefined;
  for (const f of forms) {
    if (!best) best = f;
    else if (byPlace ? f[1].count > best[1].count || (f[1].count === best[1].count && f[1].keys.length > best[1].keys.length) : f[1].keys.length > best[1].keys.length) best = f;
  }
  if (best) {
    e.name = best[0];
    e.keys = best[1].keys;
  }
}

/** The starts of each entity's mentions, so that adding one is a lookup, not a scan (a name may recur thousands of times). */
const mentionStarts = new WeakMap<WorkEntity, Set<number>>();

function addMention(e: WorkEntity, m: EntityMention, span: [number, number]): void {
  const starts = mentionStarts.get(e) ?? mentionStarts.set(e, new Set(e.mentions.map((x) => x.start))).get(e)!;
  if (starts.has(m.start)) return;
  starts.add(m.start);
  e.mentions.push(m);
  e.spans.push(span);
}

/**
 * Short forms join their full name: a context-found person whose keys end another person's keys
 * ("داود أوغلو" → "أحمد داود أوغلو"), and a context-found organisation or facility whose keys begin
 * another's ("سجن حمص" → "سجن حمص المركزي").
 */
function mergeShortForms(entities: WorkEntity[]): WorkEntity[] {
  // every proper suffix (people) and prefix (organisations, facilities) of each name, to the entities
  // that have it, in order: one lookup per short form instead of a scan of all entities
  const longer = new Map<string, WorkEntity[]>();
  const register = (k: string, f: WorkEntity): void => void (longer.get(k)?.push(f) ?? longer.set(k, [f]));
  for (const f of entities) {
    const n = f.keys.length;
    for (let len = 1; len < Math.min(n, MAX_SHORT_FORM_KEYS + 1); len++) {
      if (f.type === "PER") register(`PER|${f.keys.slice(n - len).join(" ")}`, f);
      else if ((f.type === "ORG" || f.type === "FAC") && len >= 2) register(`${f.type}|${f.keys.slice(0, len).join(" ")}`, f);
    }
  }
  const out: WorkEntity[] = [];
  for (const e of entities) {
    if ((e.source === "context" || e.source === "model") && (e.type === "PER" || e.type === "ORG" || e.type === "FAC")) {
      const full = longer.get(`${e.type}|${e.keys.join(" ")}`)?.find((f) => f !== e && f.keys.length > e.keys.length);
      if (full) {
        e.mentions.forEach((m, k) => addMention(full, m, e.spans[k]));
        full.role ??= e.role;
        continue;
      }
    }
    out.push(e);
  }
  for (const e of out) sortMentions(e);
  return out;
}

/** Short forms longer than this many words are not looked up (linear-time cap; names are shorter). */
const MAX_SHORT_FORM_KEYS = 12;

/** Bare last names of people ("الشرع") and bare heads of organisations ("المرصد") named in full before. */
function addBareMentions(text: string, tokens: Token[], entities: WorkEntity[], lex: EntityLexicons, sentenceOf: (token: number) => number): void {
  const covered = new Uint8Array(tokens.length);
  for (const e of entities) for (const [a, b] of e.spans) covered.fill(1, a, b);
  const byKey = new Map<string, WorkEntity | null>();
  // a key two entities share is dropped
  const offerTo = (map: Map<string, WorkEntity | null>, key: string, e: WorkEntity): void => {
    map.set(key, map.has(key) && map.get(key) !== e ? null : e);
  };
  const offer = (key: string, e: WorkEntity): void => offerTo(byKey, key, e);
  // a family name that is also a given name ("رامي عبدالرحمن" … "وفق عبدالرحمن،") stands for the person
  // only after the full name, where no name goes on after it and none comes before it
  const givenLast = new Map<string, WorkEntity | null>();
  const standsAlone = (i: number): boolean => {
    const before = i > 0 ? tokens[i - 1] : null;
    const after = i + 1 < tokens.length ? tokens[i + 1] : null;
    if (/ى$/.test(text.slice(tokens[i].start, tokens[i].end))) return false; // "على"
    if (before && before.kind === "word" && (lex.givenNames.has(before.stem) || covered[i - 1])) return false;
    return !after || after.kind === "punct" || (after.kind === "word" && lex.functionWords.has(after.stem) && !after.pro.includes("ال"));
  };
  for (const e of entities) {
    if (e.keys.length < 2) continue;
    if (e.type === "PER") {
      const last = e.keys[e.keys.length - 1];
      const bare = last.replace(/^ال/, "");
      if (bare.length >= 3 && !lex.givenNames.has(bare) && !lex.functionWords.has(bare)) offer(last, e);
      else if (bare.length >= 3 && !lex.functionWords.has(bare)) offerTo(givenLast, last, e);
    } else if (e.type === "ORG" && e.keys[0].startsWith("ال") && (lex.heads.has(e.keys[0]) || lex.heads.has(e.keys[0].slice(2)))) offer(e.keys[0], e);
    // "صحيفة البلاد" … "الصحيفة", "وزارة الداخلية" … "الوزارة" (not "القوات" or "الجيش": too often other forces)
    else if (e.type === "ORG" && lex.heads.get(e.keys[0])?.type === "ORG" && !FORCE_KINDS.has(lex.heads.get(e.keys[0])!.kind)) offer("ال" + e.keys[0], e);
  }
  // "داود أوغلو", "عبد الرحمن": the last two words of a longer name, where a one-word family name will not do
  const pairs = new Map<string, WorkEntity | null>();
  for (const e of entities) {
    if (e.type !== "PER" || e.keys.length < 3) continue;
    const k = e.keys.slice(-2).join(" ");
    pairs.set(k, pairs.has(k) && pairs.get(k) !== e ? null : e);
  }
  // the first words of those pairs, so that most tokens cost one set lookup and no string building
  const pairFirsts = new Set<string>();
  for (const k of pairs.keys()) pairFirsts.add(k.slice(0, k.indexOf(" ")));
  for (let i = 0; pairFirsts.size && i + 1 < tokens.length; i++) {
    if (covered[i] || covered[i + 1] || tokens[i].kind !== "word" || !pairFirsts.has(tokenKey(tokens[i]))) continue;
    const e = pairs.get(tokenKey(tokens[i]) + " " + tokenKey(tokens[i + 1]));
    if (!e) continue;
    const s = surfaceOf(text, tokens, i, i + 2);
    addMention(e, { start: s.start, end: s.end, text: text.slice(s.start, s.end), sentence: sentenceOf(i), rule: "coreference" }, [i, i + 2]);
    covered.fill(1, i, i + 2);
  }
  for (let i = 0; (byKey.size || givenLast.size) && i < tokens.length; i++) {
    if (covered[i] || tokens[i].kind !== "word") continue;
    const key = tokenKey(tokens[i]);
    let e = byKey.get(key);
    if (!e && givenLast.size) {
      const g = givenLast.get(key);
      if (g && g.spans.some(([a]) => a < i) && standsAlone(i)) e = g;
    }
    if (!e) continue;
    const s = surfaceOf(text, tokens, i, i + 1);
    addMention(e, { start: s.start, end: s.end, text: text.slice(s.start, s.end), sentence: sentenceOf(i), rule: "coreference" }, [i, i + 1]);
  }
  for (const e of entities) sortMentions(e);
}

function sortMentions(e: WorkEntity): void {
  const idx = e.mentions.map((_, k) => k).sort((a, b) => e.mentions[a].start - e.mentions[b].start);
  e.mentions = idx.map((k) => e.mentions[k]);
  e.spans = idx.map((k) => e.spans[k]);
}
