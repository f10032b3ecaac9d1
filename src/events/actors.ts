/**
 * Actor phrases: who acted. A listed or found organisation or person ("هيئة تحرير الشام"), a country
 * acting as a state ("تركيا"), or a noun phrase no list holds, headed by a force noun
 * (data/events/actor-heads.txt): "الفصائل المسلحة", "فصائل محلية مسلحة", "القوات الحكومية",
 * "عناصر المفارز الأمنية", "القوات الموالية للرئيس عبد ربه منصور هادي".
 */
import type { Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import { nameStartInToken } from "../text/offsets.js";
import type { EventLexicon } from "./lexicon.js";
import { dataPath } from "../data-dir.js";
import { normalize } from "../text/normalize.js";
import { readList } from "../util/tsv.js";

/** Force nouns that, bare and definite, stand for the force named before (data/events/generic-heads.txt). */
export function loadGenericHeads(): Set<string> {
  return new Set(readList(dataPath("events", "generic-heads.txt")).map(normalize));
}

export interface ActorPhrase {
  name: string;
  entity: WorkEntity | null;
  start: number;
  end: number;
  /** Known from the phrase itself where no list holds it ("الغارات الروسية": state forces). */
  category?: string | null;
  /** The phrase names the forces of its entity ("قوات المجلس الانتقالي"): they are armed, whatever the entity is. */
  forcesOf?: boolean;
}

export type { MentionRef } from "../entities/mentions.js";
import type { MentionRef } from "../entities/mentions.js";

/**
 * Participles that tie a force to its patron ("الموالية لـ", "التابعة لـ", "المدعومة من"), or to the side
 * it opposes ("المناهضة للحوثيين": the phrase names the force, never the side it opposes).
 */
const PATRON = /^(موالي|موال|تابع|مدعوم|مواليه|تابعه|مدعومه|موالين|تابعين|مدعومين|مناهض|مناهضه|مناهضين|مناوئ|مناوئه|مناوئين|معاديه|معادين)$/;
const MAX_PHRASE = 7;

/** Whether token t is a patron participle ("الموالية", "المناهضة"): a name after it belongs to a longer phrase. */
export const isPatron = (t: Token | undefined): boolean => !!t && t.kind === "word" && PATRON.test(t.stem);

export interface ActorContext {
  text: string;
  tokens: Token[];
  startsAt: Array<MentionRef | undefined>;
  lex: EventLexicon;
  functionWords: ReadonlySet<string>;
}

const canAct = (e: WorkEntity): boolean => e.type === "ORG" || e.type === "PER" || (e.type === "LOC" && !!e.places?.some((p) => p.place.kind === "country"));

/** The actor phrase starting at token i (an attached conjunction allowed), or null. */
export function actorAt(ctx: ActorContext, i: number, to: number): ActorPhrase | null {
  const { tokens, text } = ctx;
  const t = tokens[i];
  if (!t) return null;
  const quoted = t.kind === "punct" && /[«“"]/.test(text[t.start]);
  const at = quoted ? i + 1 : i;
  const m = ctx.startsAt[at];
  if (m && canAct(m.entity)) {
    const end = extendPatron(ctx, m.end, to);
    // a name that begins with a force noun ("قوات المجلس الانتقالي") names that body's forces
    return { name: surface(ctx, at, end), entity: m.entity, start: at, end, forcesOf: tokens[at].kind === "word" && ctx.lex.actorHeads.has(tokens[at].stem) };
  }
  const h = tokens[at];
  if (!h || h.kind !== "word" || h.enc || !/^(|و|ف|ال|و\+ال|ف\+ال)$/.test(h.pro) || !ctx.lex.actorHeads.has(h.stem)) return null;
  // a phrase is definite once a word with the article joins it ("طائرات النظام"): an indefinite word after
  // it is no adjective of it ("قصفت طائرات النظام بلدة كفرنبل")
  let definite = h.pro.endsWith("ال");
  // after a sound masculine plural ("مسلحون") only its like is an adjective ("مجهولون", not "دورية")
  const adjective = /(ون|ين)$/.test(h.stem) ? /(ون|ين)$/ : /(ه|ي|ون|ين|يه)$/;
  let j = at + 1;
  let entity: WorkEntity | null = null;
  while (j < to && j - at < MAX_PHRASE) {
    const n = tokens[j];
    const inner = ctx.startsAt[j];
    if (inner && canAct(inner.entity) && (!n.pro || n.pro === "ال")) {
      // "قوات النظام", "طيران التحالف": the genitive names who the force belongs to
      entity = inner.entity;
      j = inner.end;
      break;
    }
    if (n.kind !== "word" || n.enc || ctx.functionWords.has(n.stem)) break;
    // an indefinite sound plural keeps its ن and takes no genitive: "هاجم مسلحون الجيش" (the army is hit)
    if (n.pro === "ال" && !definite && j === at + 1 && /(ون|ين)$/.test(h.stem)) break;
    if (n.pro === "ال" || (!definite && !n.pro && adjective.test(n.stem))) {
      if (n.pro === "ال") definite = true;
      j++;
      if (PATRON.test(n.stem)) {
        j = extendPatron(ctx, j - 1, to, true);
        break;
      }
      continue;
    }
    // "قادة بالجيش والأمن"
    // (but after "بين" a named party after و is the other side: "بين الجيش والحوثيين")
    if (/^(ب\+ال|و\+ال)$/.test(n.pro) && j === at + 1 && !(n.pro === "و+ال" && inner && tokens[at - 1]?.stem === "بين")) {
      j++;
      while (j < to && tokens[j].kind === "word" && tokens[j].pro === "و+ال") j++;
      break;
    }
    break;
  }
  return { name: surface(ctx, at, j), entity, start: at, end: j, forcesOf: !!entity };
}

/** "… الموالية للرئيس هادي", "… المدعومة من تركيا": the patron joins the phrase. */
function extendPatron(ctx: ActorContext, end: number, to: number, afterParticiple = false): number {
  const { tokens } = ctx;
  let j = end;
  if (!afterParticiple) {
    const p = tokens[j];
    if (!p || p.kind !== "word" || p.pro !== "ال" || !PATRON.test(p.stem)) return end;
    j++;
  } else j++;
  const prep = tokens[j];
  if (!prep || prep.kind !== "word") return j;
  if (/^ل(\+ال)?$/.test(prep.pro) || prep.norm === "من") {
    const at = prep.norm === "من" ? j + 1 : j;
    const m = ctx.startsAt[at] ?? (ctx.startsAt[at + 1]?.entity.type === "PER" ? ctx.startsAt[at + 1] : undefined);
    if (m) return Math.min(to, m.end);
    if (at < to && tokens[at].kind === "word") return at + 1;
  }
  return j;
}

/** The words of tokens [a, b) as a name: without an attached conjunction or preposition, the article kept. */
export function surface(ctx: ActorContext, a: number, b: number): string {
  const { start, addArticle } = nameStartInToken(ctx.text, ctx.tokens[a]);
  return (addArticle ? "ال" : "") + ctx.text.slice(start, ctx.tokens[b - 1].end).replace(/[«»“”"]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * A bare definite force noun ("التنظيم", "الطيران") stands for the force of its kind named before it in
 * the article (data/events/generic-heads.txt): the latest earlier actor with the same head and an owner
 * (`earlier`, by head word), else the latest name that begins with that word ("تنظيم داعش"). Else the
 * phrase stays as written.
 */
export function resolveGeneric(tokens: Token[], a: ActorPhrase, heads: ReadonlySet<string>, earlier: ReadonlyMap<string, ActorPhrase>, entities: readonly WorkEntity[]): ActorPhrase {
  const h = tokens[a.start];
  if (a.entity || a.end - a.start !== 1 || !h.pro.endsWith("ال") || !heads.has(h.stem)) return a;
  let best: { e: WorkEntity; at: number } | null = null;
  for (const e of entities) {
    if (e.type !== "ORG") continue;
    for (const [from] of e.spans) if (from < a.start && tokens[from].stem === h.stem && (!best || from > best.at)) best = { e, at: from };
  }
  const prior = earlier.get(h.stem);
  if (prior && prior.start < a.start && (!best || prior.start > best.at)) return { ...prior, start: a.start, end: a.end };
  return best ? { name: best.e.name, entity: best.e, start: a.start, end: a.end } : a;
}