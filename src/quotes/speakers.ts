/**
 * Speaker resolution: who a reporting cue's words belong to.
 *
 * Rules, in the order they are tried for a verb (each a small function below):
 *  - the subject after the verb: an entity, a title or role followed by a person (the person speaks,
 *    the title is the role), an anonymous descriptor ("مصدر عسكري"، "شهود عيان"), a definite institution;
 *  - an entity written just before the verb ("والجيش نفى");
 *  - no subject written: the latest speaker of the discourse ("وأضاف"، "مشيرا"), else the person the
 *    text has just named.
 * An outlet or person the words were said TO (لـ/إلى + addressee) is the channel, never the speaker;
 * "نقلت X عن Y" makes Y the source and X the channel. Word lists live in data/lexicon (speaker-rules).
 */
import type { Source, Speaker, Token } from "../document.js";
import type { WorkEntity } from "../entities/coref.js";
import type { MentionRef } from "../entities/mentions.js";
import { walk } from "../entities/recognize.js";
import { hasArticle } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { nameStartInToken } from "../text/offsets.js";
import { isQuoteMark } from "./marks.js";
import type { SourceNoun } from "./lexicon.js";
import { isComplementizer, MAX_DESCRIPTOR, SPEAKER_MEMORY_PARAGRAPHS, type Ctx, type Found } from "./context.js";

/** "أضاف مدير المرصد رامي عبد الرحمن", "قال الجيش التركي", "كشف ضابط كبير": the subject after a verb. */
export function subjectAfter(ctx: Ctx, j: number, limit: number): Found | null {
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
export const canSpeak = (e: WorkEntity): boolean => (e.type === "PER" || e.type === "ORG") && e.actor?.subtype !== "platform";

export function entityAt(ctx: Ctx, j: number): MentionRef | null {
  // «المرصد السوري لحقوق الإنسان»: a name may stand in quotation marks
  const at = isQuoteMark(ctx.text, ctx.tokens[j]) ? j + 1 : j;
  const m = ctx.startsAt[at];
  if (!m || (!canSpeak(m.entity) && m.entity.place === null)) return null;
  if (m.entity.type === "LOC" && m.entity.places?.every((p) => p.place.kind !== "country")) return null;
  const end = m.end < ctx.tokens.length && isQuoteMark(ctx.text, ctx.tokens[m.end]) && at > j ? m.end + 1 : m.end;
  return { ...m, end };
}

/** An anonymous or collective source: "مصدر بالجيش السوري", "مصادر «العربية/الحدث»", "مسؤولون محليون". */
export function descriptor(ctx: Ctx, j: number, limit: number, afterPreposition = false): Found | null {
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
    const earlier = [...ctx.claims.map((c) => c.source), ...ctx.quotes.map((q) => q.speaker)].reverse().find((x) => x.type === "anonymous" && tokens[j].stem === normalize(x.name.split(" ")[0]));
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
export function subjectBefore(ctx: Ctx, at: number, from: number): Found | null {
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
export function carriedSpeaker(ctx: Ctx, at: number, from: number, pi: number): Found | null {
  if (ctx.last && pi - ctx.last.paragraph < SPEAKER_MEMORY_PARAGRAPHS) return ctx.last.found;
  const sentences = ctx.doc.sentences;
  const si = sentences.findIndex((s) => s.tokenStart === from);
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
export function channel(ctx: Ctx, j: number, limit: number): { text: string; end: number; original?: Found } | null {
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

/** Generic heads that news puts before a group's own name ("تنظيم داعش", "حركة طالبان"). */
const GROUP_HEADS = /^(تنظيم|حركة|جماعة|ميليشيا|ميليشيات|مليشيا|مليشيات)\s+/;

/** A speaker's name: the entity's, without a generic head when the rest is the group's own listed name. */
function speakerName(e: WorkEntity): string {
  const m = GROUP_HEADS.exec(e.name);
  if (!m || !e.actor) return e.name;
  const rest = normalize(e.name.slice(m[0].length));
  return [e.actor.name, ...e.actor.aliases].some((a) => normalize(a) === rest) ? e.name.slice(m[0].length) : e.name;
}

export function fromEntity(ctx: Ctx, e: WorkEntity): { speaker: Speaker; source: Source } {
  const type = e.type === "PER" ? "person" : "organisation";
  const speaker: Speaker = { name: speakerName(e), entity: e.id, type, role: e.role ?? null };
  const sub = e.actor?.subtype;
  const kind: Source["kind"] = e.type === "PER" ? "person" : e.category === "media" ? (sub === "agency" ? "agency" : "media") : e.category === "government" || e.category === "state_forces" ? "official" : "organisation";
  return { speaker, source: { ...speaker, kind, descriptor: null } };
}

