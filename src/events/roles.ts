/**
 * Who did it and to whom. The actor is the agent: the subject of an active trigger, the agent of a
 * passive one ("على يد X", "من قبل X", "نُسب إلى X"), the owner of the weapon ("طيران التحالف",
 * "مدفعية الحوثيين"), else the nearest actor before the trigger — but never before the claim the trigger
 * sits in (its source spoke, it did not act), never a source or an outlet, and never the party the
 * trigger hits. The target is the party hit: what "على", "ضد" or "استهدف" introduce ("هجوم على دورية
 * للشرطة"), the object of the verb ("هاجم مسلحون الجيش"), the subject of "تعرض لـ" ("تعرضت الشرطة
 * لهجوم"), the people detained, or the civilians counted among the casualties. Helpers ("بدعم من X",
 * "بمساندة X") are associates, not actors.
 */
import type { Token } from "../document.js";
import { dataPath } from "../data-dir.js";
import { INTER, standsForState } from "../entities/coref.js";
import type { WorkEntity } from "../entities/coref.js";
import type { MentionRef } from "../entities/mentions.js";
import { hasArticle, tokenKey } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { readTsv } from "../util/tsv.js";
import { actorAt, isPatron, surface, type ActorContext, type ActorPhrase } from "./actors.js";
import { CLAUSE_BREAKS } from "./factuality.js";
import type { EventType, Trigger } from "./lexicon.js";

export interface RoleContext extends ActorContext {
  keys: string[];
  covers: Array<MentionRef | undefined>;
}

export interface TriggerAt {
  at: number;
  end: number;
  trigger: Trigger;
}

/** An actor or target with the kind of party it is, when a list or its head word says. */
export interface Party extends ActorPhrase {
  category: string | null;
}

export interface RoleWords {
  /** Head word → category ("جيش" → state_forces, "مدنيين" → civilians). */
  category: Map<string, string>;
  /** Words that name people hit ("مدنيين", "المصلين"). */
  victims: Set<string>;
  /** Words after which an actor phrase is the one hit ("استشهد جندي من القوات", "من منسوبي"): always,
   * or only before a number ("قتل ثلاثة جنود"). */
  victimMarks: Map<string, "always" | "number">;
  /** Words between an actor and a trigger that make the actor one that reacted (data/events/reaction-words.tsv). */
  reactions: Map<string, "reaction" | "after">;
}

export function loadRoleWords(): RoleWords {
  const category = new Map<string, string>();
  const victims = new Set<string>();
  for (const r of readTsv(dataPath("events", "role-words.tsv"), ["word_ar", "category", "victim", "note"] as const)) {
    const w = normalize(r.word_ar);
    category.set(w, r.category);
    if (r.victim === "yes") victims.add(w);
  }
  const victimMarks = new Map<string, "always" | "number">();
  for (const r of readTsv(dataPath("events", "victim-marks.tsv"), ["word", "when", "note"] as const)) {
    if (r.when !== "always" && r.when !== "number") throw new Error(`${r._file}:${r._line}: when must be always or number, found "${r.when}"`);
    victimMarks.set(normalize(r.word), r.when);
  }
  const reactions = new Map<string, "reaction" | "after">();
  for (const r of readTsv(dataPath("events", "reaction-words.tsv"), ["word", "kind", "note"] as const)) {
    if (r.kind !== "reaction" && r.kind !== "after") throw new Error(`${r._file}:${r._line}: kind must be reaction or after, found "${r.kind}"`);
    reactions.set(normalize(r.word), r.kind);
  }
  return { category, victims, victimMarks, reactions };
}

/**
 * Whether the actor phrase `a` reacted to the event whose trigger is at `at`: it is the subject of a
 * condemnation or condolence, or one stands between it and the trigger ("أدانت الحكومة … التفجير",
 * "كانت الحكومة قد أدانت التفجير"), or a word of time after governs a definite trigger, a happening
 * already told ("عقد اجتماعا عقب التفجير"; not "تمكنت وبعد معارك من السيطرة").
 */
function reacted(ctx: RoleContext, a: ActorPhrase, at: number, words: RoleWords["reactions"]): boolean {
  // the phrase is the subject of a reaction verb right before it: "وأدانت الحكومة الأردنية التفجير"
  const verb = ctx.tokens[a.start - 1];
  if (verb?.kind === "word" && words.get(verb.stem) === "reaction") return true;
  for (let k = a.end; k < at; k++) {
    const t = ctx.tokens[k];
    if (t.kind !== "word") continue;
    const kind = words.get(t.stem) ?? words.get(t.norm);
    if (kind === "reaction" || (kind === "after" && k === at - 1 && definite(ctx.tokens, at))) return true;
  }
  return false;
}

/** A definite noun: with the article, or in construct with a definite word ("هجمات الأسبوع الماضي"). */
function definite(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  // (a time word keeps its article in its stem: "الأسبوع")
  return hasArticle(tokens[at].pro) || (!tokens[at].enc && next?.kind === "word" && (hasArticle(next.pro) || next.norm.startsWith("ال")));
}

/** How far before a trigger a condemnation still governs it ("أدانت وزارة الخارجية بشدة التفجير"). */
const REACTION_REACH = 10;

/**
 * Whether the definite trigger at `at` names a happening already told: the object of a condemnation or
 * condolence ("أدانت الحكومة التفجير", "إدانته للهجوم") or right after a word of time after ("عقب
 * التفجير"). A reaction piece tells such an event weeks later without its date.
 */
export function toldBefore(ctx: RoleContext, at: number, from: number, words: RoleWords["reactions"]): boolean {
  if (!definite(ctx.tokens, at)) return false;
  for (let k = at - 1; k >= Math.max(from, at - REACTION_REACH); k--) {
    const t = ctx.tokens[k];
    if (t.kind === "punct") return false;
    const kind = words.get(t.stem) ?? words.get(t.norm);
    if (kind === "reaction" || (kind === "after" && k === at - 1)) return true;
  }
  return false;
}

/** Types of one-off happenings that news names by their place when it tells them again ("تفجير مسجد الإمام الصادق"). */
const ONE_OFF = new Set<EventType>(["explosion", "attack_civilians", "seize_control"]);

/**
 * Whether the trigger noun names a one-off happening by its place, in construct: "تفجير مسجد الإمام
 * الصادق", "مجزرة خان بني سعد", "تحرير عدن". Told so, without a date in its sentence, it is a happening
 * the reader already knows (a trial, an anniversary, a passing mention), not the news of the day.
 */
export function namedByPlace(ctx: RoleContext, tr: TriggerAt): boolean {
  const t = ctx.tokens[tr.at];
  if (!ONE_OFF.has(tr.trigger.type) || tr.trigger.pos !== "noun" || hasArticle(t.pro) || t.enc || tr.end !== tr.at + 1) return false;
  const m = ctx.startsAt[tr.end];
  return !!m && (m.entity.type === "LOC" || m.entity.type === "FAC") && !ctx.tokens[tr.end].pro;
}

/** ACLED inter codes, with the two that no listed actor has. */
const INTER_CODES: Record<string, number> = { ...INTER, rioters: 5, protesters: 6 };
export const interOf = (category: string | null): number | null => (category ? (INTER_CODES[category] ?? null) : null);

/** Prepositions standing as words before a masdar ("من طرد", "بعد دحر"). */
const MASDAR_PREPS = new Set(["من", "بعد", "قبل", "عن", "خلال", "عقب", "اثر", "منذ", "تم", "يتم"]);
/** Whether the verb trigger at `at` stands as its masdar: right after a preposition word or تم ("من طرد", "من طرده"). */
export const masdarUse = (tokens: Token[], at: number): boolean => MASDAR_PREPS.has(tokens[at - 1]?.stem ?? "") && !tokens[at].pro;
/** How far before a masdar with ب its light verb may stand ("قامت طائرات التحالف بقصف"). */
const LIGHT_REACH = 6;
/** Verbs that carry a masdar with ب ("قامت الطائرات بقصف"): their subject is its actor. */
const LIGHT_VERBS = new Set(["قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون"]);
/** Markers of a passive agent: "من قبل X", "على يد X", "نسب إلى X". */
const AGENT_MARKERS = new Set(["قبل", "يد"]);
const ASCRIBED = new Set(["نسب", "نسبت", "ينسب", "تنسب", "المنسوب", "منسوب"]);
/** Verbs that carry out an attack, between its noun and its actor ("شنتها", "نفذها"). */
const LAUNCH = new Set(["شن", "شنت", "شنه", "شنها", "شنته", "شنتها", "نفذ", "نفذت", "نفذه", "نفذها", "نفذته", "نفذتها", "اطلق", "اطلقت", "اطلقه", "اطلقها", "اطلقته", "اطلقتها", "اطلقوها", "اطلقوه"]);
/** Relative pronouns that open a clause about the noun before them ("الهجوم الذي نفذه"). */
const RELATIVES = new Set(["الذي", "التي", "اللذين", "اللتين", "الذين"]);
/** "قام به", "قامت بها": a light verb with its ب and a pronoun, carried out by the subject after it. */
const carriedOut = (tokens: Token[], k: number): boolean => LIGHT_VERBS.has(tokens[k].stem) && /^ب(ه|ها|هم)$/.test(tokens[k + 1]?.norm ?? "");

/** Words that introduce the party hit ("على", "ضد", "استهدف"). */
const AGAINST = new Set(["علي", "ضد", "استهدف", "استهدفت", "يستهدف", "تستهدف", "مستهدفا", "مستهدفه", "طال", "طالت"]);
/** "تعرضت الشرطة لهجوم": the subject of تعرض is hit. */
const UNDERGO = new Set(["تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون"]);
/** "بدعم من X", "بمساندة X", "بإسناد من X", "بمشاركة X", "بغطاء جوي من X". */
const SUPPORT = new Set(["دعم", "مسانده", "اسناد", "مشاركه", "غطاء", "مؤازره", "تغطيه"]);
/** Types whose patient is detained or freed: its genitive or object is the target, not the actor. */
const DETENTION = new Set<EventType>(["arrest", "abduction", "release_detainees"]);
/** Types that hit someone: the ones that have a target. */
const HITS = new Set<EventType>(["armed_clash", "airstrike", "shelling", "explosion", "attack_civilians", "arrest", "abduction"]);
/** Categories that report, never act. */
const REPORTERS = new Set(["media"]);

/** An actor phrase at i that may act: not an outlet or agency, not القاعدة meaning a base. */
function agentAt(ctx: RoleContext, i: number, to: number): ActorPhrase | null {
  const a = actorAt(ctx, i, to);
  if (!a) return null;
  if (a.entity && REPORTERS.has(a.entity.category ?? "")) return null;
  // "القاعدة الجوية", "قاعدة حميميم": a base, not al-Qaeda — the word followed by an adjective or a place
  if (a.entity && a.end === a.start + 1 && ctx.tokens[a.start].stem === "قاعده") {
    const next = ctx.tokens[a.end];
    const m = ctx.startsAt[a.end];
    if ((next?.kind === "word" && next.pro === "ال" && /يه$/.test(next.stem)) || (m && (m.entity.type === "LOC" || m.entity.type === "FAC"))) return null;
  }
  return a;
}

export function findActor(ctx: RoleContext, tr: TriggerAt, from: number, to: number, words?: RoleWords): ActorPhrase | null {
  const { tokens } = ctx;
  const roles = tr.trigger.actor;
  if (roles.has("none") && roles.size === 1) return null;
  // a passive agent anywhere after the trigger: "من قبل X", "على يد X", "نسب إلى X"
  for (let k = tr.end; k + 1 < to; k++) {
    const t = tokens[k];
    if (AGENT_MARKERS.has(t.stem) && (t.stem === "يد" ? tokens[k - 1]?.stem === "علي" : tokens[k - 1]?.stem === "من")) {
      const a = agentAt(ctx, k + 1, to);
      if (a) return a;
    }
    if (ASCRIBED.has(t.stem) && k - tr.end <= 3 && (tokens[k + 1]?.stem === "الي" || tokens[k + 1]?.norm === "لي")) {
      const a = agentAt(ctx, k + 2, to);
      if (a) return a;
    }
  }
  let j = tr.end;
  while (j < to && (ctx.lex.time.has(tokens[j].stem) || ctx.lex.time.has(tokenKey(tokens[j])) || tokens[j].norm === "قد")) j++;
  const undergoes = undergoer(ctx, tr, from);
  // "تمكنوا من طرد المتمردين", "تم دحر الميليشيات": a verb after a preposition or تم is its masdar, and
  // what follows a masdar whose actor is never its genitive is the one acted on ("طرده": him)
  if (tr.trigger.pos === "verb" && !roles.has("gen") && masdarUse(tokens, tr.at)) return tokens[tr.at].enc ? null : nearestActorBefore(ctx, tr.at, from, words);
  // "قامت المروحيات بقصف الخلية": after a light verb the actor is its subject, what follows is hit
  if (tokens[tr.at].pro.startsWith("ب")) {
    for (let k = tr.at - 1; k >= Math.max(from, tr.at - LIGHT_REACH); k--) {
      if (!LIGHT_VERBS.has(tokens[k].stem)) continue;
      return agentAt(ctx, k + 1, tr.at) ?? nearestActorBefore(ctx, tr.at, from, words);
    }
  }
  if (tr.trigger.pos === "verb" || tr.trigger.pos === "phrase") {
    const after = agentAt(ctx, j, to);
    if (after) return after;
    // a noun spelled like its verb, or a nominal phrase ("تقدم لألوية الجيش", "قذيفة هاون أطلقتها X")
    const gen = ownerAfter(ctx, tr, j, to, true);
    if (gen) return gen;
    const before = actorBefore(ctx, tr.at, from, words);
    if (before) return before;
  } else {
    const gen = ownerAfter(ctx, tr, j, to, false);
    if (gen) return gen;
  }
  // "تعرضت الشرطة لهجوم": the one before is hit, not the actor
  return nearestActorBefore(ctx, undergoes ? undergoes.start : tr.at, from, words);
}

/**
 * The owner after a noun: its genitive, past the noun's adjectives and a verb of launching ("غارات عنيفة
 * شنتها مقاتلات التحالف", "قذيفة أطلقتها الميليشيات"), or after لـ ("هجوم مسلح للمقاومة"); the
 * parties of a clash ("اشتباكات بين X و Y", "مواجهات مع X"). `linkedOnly`: a verb's noun reading, which
 * takes its owner only through لـ or a launching verb (a bare phrase after a verb is its subject).
 */
function ownerAfter(ctx: RoleContext, tr: TriggerAt, j: number, to: number, linkedOnly: boolean): ActorPhrase | null {
  const { tokens } = ctx;
  let k = j;
  let launched = false;
  // (an adjective ends like a preposition does: "على", "في" are no adjectives, and what follows them is no owner;
  // nor is "مستهدفة", after which comes the one aimed at)
  const adjective = (t: Token, i: number): boolean => !t.pro && /(ه|ي|يه)$/.test(t.stem) && !ctx.startsAt[i] && !ctx.functionWords.has(t.stem) && !AGAINST.has(t.stem);
  const limit = Math.min(to, j + 3);
  while (k < limit && tokens[k].kind === "word") {
    const t = tokens[k];
    // "الهجوم الذي نفذه X", "الهجوم الذي قام به X": the relative clause names who carried it out
    if (k === j && RELATIVES.has(t.stem) && k + 1 < to && (LAUNCH.has(tokens[k + 1].stem) || carriedOut(tokens, k + 1))) {
      launched = true;
      k += LAUNCH.has(tokens[k + 1].stem) ? 2 : 3;
      break;
    }
    if (LAUNCH.has(t.stem)) {
      launched = true;
      k++;
      // "شنتها اليوم طائرات التحالف": when it was may stand between the verb and its subject
      while (k < to && (ctx.lex.time.has(tokens[k].stem) || ctx.lex.time.has(tokenKey(tokens[k])))) k++;
      break;
    }
    if (!adjective(t, k)) break;
    k++;
  }
  const viaLam = /^ل(\+ال)?$/.test(tokens[k]?.pro ?? "");
  if (!linkedOnly || launched || viaLam) {
    const gen = DETENTION.has(tr.trigger.type) && k === j ? null : agentAt(ctx, k, to);
    if (gen && !tokens[k].pro.includes("ب")) return gen;
    if (viaLam && !DETENTION.has(tr.trigger.type) && ctx.lex.actorHeads.has(tokens[k].stem) && !tokens[k].enc) {
      const end = ctx.startsAt[k]?.end ?? phraseEnd(ctx, k, to);
      return { name: surface(ctx, k, end), entity: ctx.startsAt[k]?.entity ?? null, start: k, end };
    }
  }
  if (linkedOnly || tr.trigger.type !== "armed_clash") return null;
  // "اشتباكات بين X و Y": the first party; "مواجهات مع X": the party named
  if (tokens[j]?.stem === "بين" || tokens[j]?.stem === "مع") return agentAt(ctx, j + 1, to);
  // "تتواصل الاشتباكات في ريف إدلب بين X و Y": the parties after where and when, in the clause
  const between = clashParties(ctx, j, to);
  return between !== null ? agentAt(ctx, between, to) : null;
}

/** How far the first side of "بين X و Y من جهة، و Z من جهة أخرى" may run. */
const SIDE_REACH = 16;

/**
 * Where the second side of a clash starts, given the end of its first party: right there ("بين X و Y"),
 * or after "من جهة" when the first side lists several ("بين X و Y من جهة، و Z": Z).
 */
function sideEnd(ctx: RoleContext, k: number, to: number): number {
  const { tokens } = ctx;
  for (let i = k; i + 1 < Math.min(to, k + SIDE_REACH); i++) {
    if (tokens[i].kind === "punct" && CLAUSE_BREAKS.has(tokens[i].norm)) break;
    if (tokens[i].stem === "من" && !tokens[i].pro && tokens[i + 1].stem === "جهه") {
      let j = i + 2;
      while (j < to && tokens[j].kind === "punct" && !CLAUSE_BREAKS.has(tokens[j].norm)) j++;
      return j;
    }
  }
  return k;
}

/** How far after a clash noun its "بين X و Y" may stand, past where and when it was. */
const PARTIES_REACH = 14;

/** The token after "بين" that opens a clash's parties later in its clause, or null. */
function clashParties(ctx: RoleContext, j: number, to: number): number | null {
  for (let k = j; k < Math.min(to, j + PARTIES_REACH); k++) {
    const t = ctx.tokens[k];
    if (t.kind === "punct" && (CLAUSE_BREAKS.has(t.norm) || t.norm === ",")) return null;
    if (t.kind === "word" && t.stem === "بين" && !t.pro) return k + 1;
  }
  return null;
}

/** The end of a force noun's phrase: the noun and the genitive or adjective after it ("ألوية الجيش"). */
function phraseEnd(ctx: RoleContext, k: number, to: number): number {
  const next = ctx.tokens[k + 1];
  if (k + 1 < to && next?.kind === "word" && !next.pro.startsWith("و") && (ctx.startsAt[k + 1] || /^ال$/.test(next.pro))) return ctx.startsAt[k + 1]?.end ?? k + 2;
  return k + 1;
}

/** "تعرضت دورية للشرطة لهجوم": the party the trigger's تعرض verb has as its subject. */
function undergoer(ctx: RoleContext, tr: TriggerAt, from: number): ActorPhrase | null {
  const { tokens } = ctx;
  // "تعرضت دورية للجيش لهجوم بعبوة ناسفة": the trigger, or the noun just before it, takes لـ
  const undergone = /(^|\+)ل(\+|$)/.test(tokens[tr.at].pro) || (tr.at - 1 >= from && /^ل$/.test(tokens[tr.at - 1].pro));
  if (!undergone) return null;
  for (let k = tr.at - 1; k >= Math.max(from, tr.at - 8); k--) {
    if (!UNDERGO.has(tokens[k].stem)) continue;
    for (let j = k + 1; j < tr.at; j++) {
      const a = agentAt(ctx, j, tr.at) ?? partyInside(ctx, j, tr.at);
      if (a) return a;
    }
    // "الشرطة تعرضت لهجوم"
    return actorBefore(ctx, k, from);
  }
  return null;
}

/** "دورية للشرطة", "مقر الجيش", "عناصر من داعش": an actor named a word or two inside a noun phrase. */
function partyInside(ctx: RoleContext, i: number, to: number): ActorPhrase | null {
  for (let j = i; j < Math.min(to, i + 4); j++) {
    const t = ctx.tokens[j];
    // "12 عنصرا من تنظيم داعش": past the number and the counted noun
    if (t.kind === "number") continue;
    if (t.kind !== "word") return null;
    const a = agentAt(ctx, j, to);
    if (a) return a;
    // "دورية للجيش": a force noun after ل
    if (/^ل(\+ال)?$/.test(t.pro) && !t.enc && (ctx.lex.actorHeads.has(t.stem) || ctx.startsAt[j])) {
      const end = ctx.startsAt[j]?.end ?? j + 1;
      return { name: surface(ctx, j, end), entity: ctx.startsAt[j]?.entity ?? null, start: j, end };
    }
    if (j > i && !/^(ل|ل\+ال|ال|)$/.test(t.pro) && t.stem !== "من" && !ctx.lex.casualties.has(t.stem)) return null;
  }
  return null;
}

/** An actor phrase ending right before the verb ("الفصائل المسلحة دخلت حمص"), with قد between allowed. */
export function actorBefore(ctx: RoleContext, at: number, from: number, words?: RoleWords): ActorPhrase | null {
  let end = at;
  if (end - 1 >= from && ctx.tokens[end - 1].norm === "قد") end--;
  for (let k = end - 1; k >= Math.max(from, end - 6); k--) {
    const a = agentAt(ctx, k, end);
    // "مقتل عشرة من عناصر داعش بضربة جوية": the one hit stands before the strike, not its maker
    if (a && a.end === end) return words && hitBefore(ctx, a, k, from, words.victimMarks) ? null : a;
  }
  return null;
}

/** Whether a victim mark stands before actor phrase `a` found at k (before k, or before the phrase's start). */
function hitBefore(ctx: RoleContext, a: ActorPhrase, k: number, from: number, marks: RoleWords["victimMarks"]): boolean {
  return hit(ctx, k, from, marks) || (a.start < k && hit(ctx, a.start, from, marks));
}

/**
 * The nearest actor before the trigger in the sentence ("إعلان الفصائل المسلحة … السيطرة على حمص"); not a
 * country, a helper, or — given the role words — the one hit ("استشهد جندي من القوات البرية بمقذوف") or
 * one that reacted to the event ("أدانت الحكومة الأردنية التفجير").
 */
export function nearestActorBefore(ctx: RoleContext, at: number, from: number, words?: RoleWords): ActorPhrase | null {
  from = clauseStart(ctx.tokens, at, from);
  for (let k = at - 1; k >= from; k--) {
    const inner = agentAt(ctx, k, at);
    // "القوات الموالية للرئيس هادي", "القوات المناهضة للحوثيين": a name inside a longer phrase is that phrase's
    const a = inner && (coveringPhrase(ctx, inner, from, at) ?? inner);
    if (a && a !== inner) k = a.start;
    // (the marks are read before the whole phrase: "مقتل عشرة من عناصر تنظيم داعش")
    if (a && a.entity?.type !== "LOC" && !supported(ctx, k) && !(aimedAt(ctx, k) && !usesWeapon(ctx, a, at)) && !(words && (hitBefore(ctx, a, k, from, words.victimMarks) || reacted(ctx, a, at, words.reactions)))) return a;
  }
  return null;
}

/** Words that open a clause of their own after a comma ("، فيما استهدفت …", "، كما استهدف قناص …"). */
const CLAUSE_OPENERS = new Set(["فيما", "بينما", "كما", "حيث"]);

/** Whether token k opens a clause of its own: an opener, or "في حين", right after a comma. */
function opensClause(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (tokens[k - 1]?.norm !== "," || !t || t.kind !== "word") return false;
  return (CLAUSE_OPENERS.has(t.stem) && !t.pro) || (t.stem === "في" && tokens[k + 1]?.stem === "حين");
}

/** The first token of the clause holding token `at`, no earlier than `from`: its subject and pronouns stand after it. */
export function clauseStart(tokens: Token[], at: number, from: number): number {
  for (let k = at; k > from; k--) if (opensClause(tokens, k)) return k;
  return from;
}

/** How far before a name a longer actor phrase holding it may start ("القوات الموالية للرئيس هادي"). */
const COVER_REACH = 4;

/** The actor phrase that starts shortly before `a` and runs over it through a patron participle, or null. */
function coveringPhrase(ctx: RoleContext, a: ActorPhrase, from: number, to: number): ActorPhrase | null {
  const lo = Math.max(from, a.start - COVER_REACH);
  let patron = a.start - 1;
  while (patron >= lo && !isPatron(ctx.tokens[patron])) patron--;
  // the longer phrase starts at or before the participle that joins the name to it
  for (let i = patron; i >= lo; i--) {
    const b = agentAt(ctx, i, to);
    if (b && b.end >= a.end) return b;
  }
  return null;
}

/** How many words before an actor phrase a victim mark reaches ("مقتل خمسة من عناصر تنظيم داعش"). */
const MARK_REACH = 5;

/** Punctuation that may set a name off inside an actor phrase. */
const NAME_MARKS = /^[/«»"“”'‘’]+$/;

/** Whether a death, an injury, a membership, a belonging or an other-side word stands within MARK_REACH words before k. */
function hit(ctx: RoleContext, k: number, from: number, marks: RoleWords["victimMarks"]): boolean {
  // "قتلت القوات ثلاثة مسلحين": the counted ones were hit
  const countedHere = isCount(ctx, ctx.tokens[k - 1]);
  for (let i = k - 1, words = 0; i >= from && words < MARK_REACH; i--) {
    const t = ctx.tokens[i];
    // a name set off by marks or slashes ("عناصر تنظيم /داعش/") is still in the phrase
    if (t.kind === "punct") {
      if (!NAME_MARKS.test(t.norm)) return false;
      continue;
    }
    words++;
    const when = marks.get(t.stem) ?? marks.get(t.norm);
    if (when === "always") return true;
    // "قتل ثلاثة جنود": passive before a number
    if (when === "number" && (countedHere || isCount(ctx, ctx.tokens[i + 1]))) return true;
  }
  return false;
}

/** A number, in digits or words ("23", "ثلاثة"). */
const isCount = (ctx: RoleContext, t: Token | undefined): boolean => !!t && (t.kind === "number" || ctx.lex.numbers.has(t.stem));

/** Whether the phrase at k is one something is aimed at ("هجوم ضد داعش", "غارات على الحوثيين"): a target, never a later event's actor. */
function aimedAt(ctx: RoleContext, k: number): boolean {
  const t = ctx.tokens[k];
  const prev = ctx.tokens[k - 1];
  return /(^|\+)علي(\+|$)/.test(t.pro) || (!!prev && prev.kind === "word" && !prev.enc && AGAINST.has(prev.stem));
}

/** Verbs of aiming whose subject may follow them: "استهدفت قوات النظام بصاروخ بلدة زبدين". */
const AIMING_VERBS = new Set(["استهدف", "استهدفت", "يستهدف", "تستهدف"]);

/**
 * Whether phrase `a` right after a verb of aiming is its subject, wielding the weapon that is the trigger
 * right after it ("استهدفت قوات النظام بصاروخ"); after "على" or "ضد", or with anything between it and the
 * weapon, the phrase is what was aimed at.
 */
function usesWeapon(ctx: RoleContext, a: ActorPhrase, at: number): boolean {
  const prev = ctx.tokens[a.start - 1];
  return a.end === at && /(^|\+)ب(\+|$)/.test(ctx.tokens[at].pro) && !!prev && prev.kind === "word" && AIMING_VERBS.has(prev.stem);
}

/** Whether the phrase at k is introduced as a helper ("بدعم من X", "بمساندة X"). */
function supported(ctx: RoleContext, k: number): boolean {
  const t = ctx.tokens;
  const prev = t[k - 1]?.stem === "من" ? t[k - 2] : t[k - 1];
  const helper = (x: Token | undefined): boolean => !!x && x.kind === "word" && SUPPORT.has(x.stem) && /(^|\+)ب(\+|$)/.test(x.pro);
  return helper(prev) || (prev?.kind === "word" && /يه$/.test(prev.stem) && helper(t[k - 3]));
}

/** The helpers of the event: "بدعم من X", "بمساندة X", "بإسناد جوي من X" in the clause after the trigger. */
export function findAssociates(ctx: RoleContext, tr: TriggerAt, from: number, to: number): ActorPhrase[] {
  const out: ActorPhrase[] = [];
  for (let k = Math.max(from, tr.at - 8); k < to; k++) {
    const t = ctx.tokens[k];
    if (t.kind !== "word" || !SUPPORT.has(t.stem) || !/(^|\+)ب(\+|$)/.test(t.pro)) continue;
    let j = k + 1;
    if (ctx.tokens[j]?.kind === "word" && /يه$/.test(ctx.tokens[j].stem) && !ctx.startsAt[j]) j++; // "جوي"
    if (ctx.tokens[j]?.stem === "من") j++;
    const a = agentAt(ctx, j, to);
    if (a) out.push(a);
  }
  return out;
}

/** The party the event hits, or null. */
export function findTarget(ctx: RoleContext, tr: TriggerAt, actor: ActorPhrase | null, from: number, to: number, words: RoleWords): Party | null {
  const { tokens } = ctx;
  if (!HITS.has(tr.trigger.type)) return null;
  // a place is where, not whom ("غارات على سوريا")
  const other = (a: ActorPhrase | null): a is ActorPhrase => !!a && a.entity?.type !== "LOC" && a.entity?.type !== "FAC" && !(actor && (a.start === actor.start || (a.entity && a.entity === actor.entity)));
  // "اشتباكات بين X و Y": the second party
  if (tr.trigger.type === "armed_clash" && actor && tokens[actor.start - 1]?.stem === "بين" && !tokens[actor.start - 1].pro) {
    const k = sideEnd(ctx, actor.end, to);
    const second = tokens[k]?.pro.startsWith("و") ? agentAt(ctx, k, to) : null;
    if (other(second)) return party(ctx, second, words);
  }
  const undergoes = undergoer(ctx, tr, from);
  if (other(undergoes)) return party(ctx, undergoes, words);
  const limit = Math.min(to, tr.end + 12);
  for (let k = tr.end; k < limit; k++) {
    const t = tokens[k];
    if ((t.kind === "punct" && ctx.text[t.start] !== "،") || opensClause(tokens, k)) break;
    const marker = AGAINST.has(t.stem) ? 1 : /(^|\+)علي(\+|$)/.test(t.pro) ? 0 : -1;
    if (marker < 0) continue;
    const a = partyInside(ctx, k + marker, limit) ?? victimAt(ctx, k + marker, words);
    if (other(a)) return party(ctx, a, words);
  }
  // the object of the verb: after its subject ("هاجم مسلحون الجيش"), or right after the verb ("الجيش قصف مواقع داعش")
  if (tr.trigger.pos === "verb" || DETENTION.has(tr.trigger.type)) {
    const at = actor && actor.start >= tr.end && actor.start - tr.end <= 2 ? actor.end : tr.end;
    const a = partyInside(ctx, at, limit) ?? victimAt(ctx, at, words);
    if (other(a)) return party(ctx, a, words);
  }
  // civilians among the casualties of violence ("قتل خمسة مدنيين في الغارة")
  if (tr.trigger.type === "attack_civilians" || tr.trigger.type === "explosion" || tr.trigger.type === "airstrike" || tr.trigger.type === "shelling") {
    for (let k = from; k < to; k++) {
      const v = victimAt(ctx, k, words);
      if (v) return party(ctx, v, words);
    }
  }
  return null;
}

/** People hit named by a victim word ("مدنيين", "المصلين"), as written. */
function victimAt(ctx: RoleContext, k: number, words: RoleWords): ActorPhrase | null {
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word" || !words.victims.has(t.stem) || ctx.startsAt[k]) return null;
  return { name: ctx.text.slice(t.start, t.end).replace(/^(و|ف|ب|ل)(?=ال)/, "").replace(/^(و|ف)(?!ال)/, ""), entity: null, start: k, end: k + 1 };
}

/** A phrase with its category: its entity's, else its head word's ("الجيش", "مسلحون", "مدنيين"). */
export function party(ctx: RoleContext, a: ActorPhrase, words: RoleWords): Party {
  return { ...a, category: categoryOf(ctx.tokens, a, words) };
}

export function categoryOf(tokens: Token[], a: ActorPhrase, words: RoleWords): string | null {
  if (a.entity?.category) return a.entity.category;
  if (a.category) return a.category;
  // a country (or its capital) that strikes or fights does so with its state's forces: "قصفت تركيا"
  if (a.entity && standsForState(a.entity)) return "state_forces";
  if (a.entity) return null;
  return words.category.get(tokens[a.start].stem) ?? null;
}

/** Types whose actor must be an armed or state force, not a person, company or club. */
const TERRITORIAL = new Set<EventType>(["seize_control", "advance", "withdraw", "armed_clash"]);
const ARMED_CATEGORIES = new Set(["state_forces", "rebel_group", "political_militia", "identity_militia", "external_force"]);
/** Actors that take ground, fight, strike or detain: armed and state forces, governments, unlisted groups. */
const NON_ARMED = new Set(["media", "ngo", "company", "international", "political_party", "religious", "civilians", "other"]);
const PEACEFUL = new Set<EventType>(["protest", "agreement", "displacement", "release_detainees"]);

/**
 * Whether a trigger acts on people: a pronoun on it ("أوقفهم", "إيقافه"); its object — the words right
 * after it, or after its subject ("أوقفت الشرطة المتهم") — a person's name, a people noun ("عناصر",
 * "متهمين": `isPeople` for the suspect words) or a number; or, further in its clause, a number that
 * counts people ("… 23 شخصا"). "أوقفت الخطوط رحلاتها", "إيقاف الدراسة" and "إيقاف عدد من الفعاليات"
 * act on things.
 */
export function actsOnPeople(ctx: RoleContext, tr: TriggerAt, to: number, words: RoleWords, isPeople: (stem: string) => boolean): boolean {
  const { tokens } = ctx;
  if (tokens[tr.end - 1].enc) return true;
  const people = (k: number): boolean => {
    const t = tokens[k];
    if (!t || t.kind !== "word") return false;
    if (ctx.startsAt[k]?.entity.type === "PER") return true;
    const c = ctx.lex.casualties.get(t.stem);
    return (c?.kind === "count_noun" && t.stem !== "حصيله") || words.category.has(t.stem) || words.victims.has(t.stem) || ctx.lex.actorHeads.has(t.stem) || isPeople(t.stem);
  };
  const counted = (k: number): boolean => isCount(ctx, tokens[k]) && (people(k + 1) || people(k + 2));
  let k = tr.end;
  const subject = tr.trigger.pos === "verb" ? agentAt(ctx, k, to) : null;
  // the subject's phrase may run into the object ("أوقفت الشرطة المتهم")
  if (subject && subject.end - subject.start > 1 && people(subject.end - 1)) return true;
  k = subject?.end ?? k;
  if (people(k) || counted(k)) return true;
  for (let j = k; j < Math.min(to, tr.end + 16); j++) {
    const t = tokens[j];
    if (t.kind === "punct" && CLAUSE_BREAKS.has(t.norm)) return false;
    if (counted(j)) return true;
  }
  return false;
}

/** Categories of head words that are not armed ("أهالي", "سكان", "متظاهرون": data/events/role-words.tsv). */
const UNARMED_HEADS = new Set(["civilians", "protesters"]);

/** Whether the actor is an armed or state force: a listed one, or a force phrase ("قادة بالجيش", "القوات"). */
export function armedActor(ctx: RoleContext, a: ActorPhrase | null, words: RoleWords): boolean {
  if (!a) return false;
  if (a.entity) return a.entity.type === "ORG" && ARMED_CATEGORIES.has(a.entity.category ?? "");
  const head = ctx.tokens[a.start];
  const category = words.category.get(head.stem);
  return category ? !UNARMED_HEADS.has(category) : ctx.lex.actorHeads.has(head.stem);
}

export function fitsActor(type: EventType, a: ActorPhrase): boolean {
  // a force phrase ("الفصائل المسلحة", "قوات المجلس الانتقالي") or an unlisted group
  if (PEACEFUL.has(type) || !a.entity || a.forcesOf) return true;
  const e: WorkEntity = a.entity;
  if (e.type === "FAC") return false;
  if (TERRITORIAL.has(type)) return e.type === "ORG" && (e.category === null || ARMED_CATEGORIES.has(e.category));
  if (e.type === "PER") return false;
  return e.category === null || !NON_ARMED.has(e.category);
}
