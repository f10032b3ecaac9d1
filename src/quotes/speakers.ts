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
import { standsForState, type WorkEntity } from "../entities/coref.js";
import type { MentionRef } from "../entities/mentions.js";
import { walk } from "../entities/recognize.js";
import { hasArticle } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { nameStartInToken } from "../text/offsets.js";
import { isQuoteMark } from "./marks.js";
import type { SourceNoun } from "./lexicon.js";
import { isComplementizer, MAX_DESCRIPTOR, PREP_BEFORE_AN, SPEAKER_MEMORY_PARAGRAPHS, type Ctx, type Found } from "./context.js";

/** "أضاف مدير المرصد رامي عبد الرحمن", "قال الجيش التركي", "كشف ضابط كبير": the subject after a verb. */
export function subjectAfter(ctx: Ctx, j: number, limit: number): Found | null {
  if (j >= limit) return null;
  const { tokens } = ctx;
  const lex = ctx.res.entityLexicons;
  // "قال لرويترز", "قالت لوالديها": the one spoken to is never the subject
  if (isAddressee(ctx, j)) return null;
  const statement = statementIssuer(ctx, j, limit);
  if (statement) return statement;
  const body = bodyOf(ctx, j, limit);
  if (body) return body;
  const direct = entityAt(ctx, j);
  if (direct) return { ...fromEntity(ctx, direct.entity), end: direct.end };
  // a title or role before the person: "مدير المرصد رامي عبد الرحمن"
  const wctx = { text: ctx.text, tokens, keys: ctx.keys, from: j, to: limit, walks: new Map() };
  const title = walk(wctx, j, lex.titles) ?? constructTitle(ctx, j, limit);
  if (title) {
    // the person nearest the complement: "المسؤول الإعلامي لغرفة عمليات عمر المختار … عبدالكريم صبرا، إن"
    let person: MentionRef | undefined;
    let named: { found: Found; start: number } | null = null;
    let marks = 0; // a name is never looked for inside quotation marks
    for (let k = title.end; k < Math.min(limit, title.end + 10); k++) {
      const m = ctx.startsAt[k];
      if (m && m.entity.type === "PER") {
        person = m;
        k = m.end - 1;
        continue;
      }
      // "منسق المشاريع في المنظمة، تيري جوفو،": a comma may set the name off from its title
      if (isComma(ctx, k) && !person && !named && k + 1 < limit && ctx.startsAt[k + 1]?.entity.type === "PER") continue;
      // a name no list holds, opened by a known given name: "عضو الأمانة العامة لقوى 14 آذار الياس الزغبي"
      if (isQuoteMark(ctx.text, tokens[k])) marks++;
      if (!person && !named && marks % 2 === 0) {
        named = (k > title.end ? unlistedName(ctx, k, limit) : null) ?? nameBeforeWords(ctx, k, limit);
        if (named) break;
      }
      if ((tokens[k].kind === "punct" && !isQuoteMark(ctx.text, tokens[k])) || isComplementizer(tokens[k])) break;
    }
    if (!person && named) {
      const role = ctx.text.slice(tokens[j].start, tokens[named.start - 1].end).replace(/[\s،,]+$/, "");
      named.found.speaker.role = role;
      named.found.source.role = role;
      return named.found;
    }
    if (person) {
      const f = fromEntity(ctx, person.entity);
      const role = ctx.text.slice(tokens[j].start, tokens[person.start - 1].end).replace(/[\s،,]+$/, "");
      f.speaker.role ??= role;
      f.source.role ??= role;
      return { ...f, end: person.end };
    }
  }
  const d = descriptor(ctx, j, limit);
  return d ? (namedAfter(ctx, j, d.end, limit) ?? d) : ((title && titledRole(ctx, j, title.end, limit)) || institution(ctx, j, limit));
}

/** Words a titled role may run to: "وزير الخارجية السعودي", "رئيس الحكومة التركية". */
const MAX_ROLE_WORDS = 6;

/**
 * A role that no name follows speaks as itself: "وقال وزير الخارجية السعودي إن", "وقال رئيس
 * الحكومة التركية إن". The title and what qualifies it (definite words, the bodies and places named
 * in it) up to the complement; a title of one word alone ("الرئيس") is left to the discourse.
 */
function titledRole(ctx: Ctx, j: number, titleEnd: number, limit: number): Found | null {
  const { tokens } = ctx;
  let k = titleEnd;
  let body: WorkEntity | null = null;
  while (k < limit && k - j < MAX_ROLE_WORDS) {
    const t = tokens[k];
    if (t.kind !== "word" || isComplementizer(t) || isAddressee(ctx, k) || ctx.res.reporting.words.has(t.stem)) break;
    const m = ctx.startsAt[k];
    if (m?.entity.type === "PER") return null;
    if (m) {
      body ??= m.entity.type === "ORG" ? m.entity : null;
      k = m.end;
      continue;
    }
    if (!hasArticle(t.pro) || t.enc) break;
    k++;
  }
  if (k - j < 2 || (k < limit && !isComplementizer(tokens[k]) && !(tokens[k].kind === "punct" && !isQuoteMark(ctx.text, tokens[k])))) return null;
  const first = nameStartInToken(ctx.text, tokens[j]);
  const name = ((first.addArticle ? "ال" : "") + ctx.text.slice(first.start, tokens[k - 1].end)).trim();
  const speaker: Speaker = { name, entity: body?.id ?? null, type: "anonymous", role: name };
  return { speaker, source: { ...speaker, kind: "official", descriptor: name }, end: k };
}

/** Indefinite words a title in the construct state may open with ("مساعد مدير العمليات"). */
const MAX_CONSTRUCT_WORDS = 2;

/**
 * A title in the construct state, which drops its article before the noun it governs: "منسق
 * المشاريع", "مساعد مدير العمليات" for the listed "المنسق", "المدير". One or two bare words, one of
 * them a listed title once the article is put back, then a definite noun; returns where that noun ends.
 */
function constructTitle(ctx: Ctx, j: number, limit: number): { end: number } | null {
  const { tokens } = ctx;
  const titles = ctx.res.entityLexicons.titles;
  let titled = false;
  for (let k = j; k < Math.min(limit, j + MAX_CONSTRUCT_WORDS + 1); k++) {
    const t = tokens[k];
    if (t.kind !== "word" || t.enc) return null;
    if (hasArticle(t.pro)) return titled && k > j && t.pro === "ال" ? { end: k + 1 } : null;
    if (t.pro) return null;
    titled ||= titles.get(["ال" + t.stem]).length > 0;
  }
  return null;
}

/**
 * A descriptor followed by a person's name is that person's role ("عضو الأمانة العامة لقوى 14 آذار
 * الياس الزغبي"): the name speaks. Looks a few tokens on, to punctuation, a complementizer or an addressee.
 */
function namedAfter(ctx: Ctx, j: number, from: number, limit: number): Found | null {
  const { tokens } = ctx;
  for (let k = from; k < Math.min(limit, from + NAME_AFTER_ROLE); k++) {
    const t = tokens[k];
    if (t.kind === "punct" || isComplementizer(t) || isAddressee(ctx, k) && ctx.startsAt[k]?.entity.category === "media") return null;
    const m = ctx.startsAt[k];
    let found: Found | null = null;
    if (m && m.entity.type === "PER") found = { ...fromEntity(ctx, m.entity), end: m.end };
    else if (m) {
      k = m.end - 1;
      continue;
    } else found = unlistedName(ctx, k, limit)?.found ?? null;
    if (found) {
      const role = ctx.text.slice(tokens[j].start, tokens[k - 1].end);
      found.speaker.role ??= role;
      found.source.role ??= role;
      return found;
    }
  }
  return null;
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
  // a country speaks, and so does its capital for its government ("قالت طهران إن"); other places do not
  if (m.entity.type === "LOC" && m.entity.places && !standsForState(m.entity)) return null;
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
    // "ضابط كبير لرويترز", "المصدر لـ«عكاظ»": the one spoken to is the channel, not part of the source
    if (isAddressee(ctx, k) && (m ? m.entity.category === "media" : t.norm === "ل" || !ctx.res.entityLexicons.common.has(t.stem))) break;
    // "حذر مصدر من أن": the preposition belongs to the verb
    if (k + 1 < limit && t.kind === "word" && !t.pro && PREP_BEFORE_AN.has(t.stem) && isComplementizer(tokens[k + 1])) break;
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
    // an unprefixed word must look like an adjective ("أمني", "مطلعة", "محليون", "كبير"); "وجود" in
    // "نفى مصدر أمني وجود …" is already the claim
    if (!t.pro && !ADJECTIVE_SHAPE.test(t.stem) && !ctx.res.speakerRules.adjectives.has(t.stem) && !["في", "من", "داخل", "لدي"].includes(t.stem)) break;
    k++;
  }
  // a dangling preposition is not part of the descriptor ("مصدر رسمي من")
  while (k > noun.end && tokens[k - 1].kind === "word" && !tokens[k - 1].pro && PREP_BEFORE_AN.has(tokens[k - 1].stem)) k--;
  // "المصدر" alone after "مصدر عسكري" is that source again
  if (k === noun.end && hasArticle(tokens[j].pro)) {
    const earlier = ctx.lastAnonymous.find((x) => tokens[j].stem === normalize(x.name.split(" ")[0]));
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
  if (m && m.end === k + 1 && (m.entity.type === "PER" || m.entity.type === "ORG")) return { ...fromEntity(ctx, m.entity), end: at };
  // "غير أن المراقبين يؤكدون", "ومصادر محلية تقول": a source descriptor ending right before the verb
  for (let b = at - 1; b >= Math.max(from, at - MAX_DESCRIPTOR); b--) {
    const d = descriptor(ctx, b, at);
    if (d && d.end === at) return d;
  }
  return null;
}

/** No subject written: the latest speaker, or the person (else organisation) the text has just named. */
export function carriedSpeaker(ctx: Ctx, at: number, from: number, pi: number, si: number, continuation: boolean): Found | null {
  // a continuation verb ("وأضاف", "وتابع") chains to the last speaker however far back, until another speaks
  if (ctx.last && (continuation || pi - ctx.last.paragraph < SPEAKER_MEMORY_PARAGRAPHS)) return ctx.last.found;
  const lo = si > 0 ? ctx.doc.sentences[si - 1].tokenStart : from;
  return nearestSpeaker(ctx, at - 1, lo);
}

/**
 * The person (else organisation) named nearest before token `k`, back to `lo`; an addressee
 * ("لرويترز") and an outlet or agency cited for the article are never taken.
 */
export function nearestSpeaker(ctx: Ctx, k: number, lo: number): Found | null {
  for (const type of ["PER", "ORG"]) {
    for (let i = k; i >= lo; i--) {
      const m = ctx.covers[i];
      if (!m || m.entity.type !== type || !canSpeak(m.entity)) continue;
      if (isAddressee(ctx, m.start) || m.entity.category === "media" || governed(ctx, m.start)) {
        i = m.start;
        continue;
      }
      return { ...fromEntity(ctx, m.entity), end: k + 1 };
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
  // any other one spoken to: "قالت لوالديها", "صرح للصحفيين"
  if (t.kind === "word" && /^ل(\+ال)?$/.test(t.pro) && !ctx.startsAt[j]) return { text: span(j, j + 1), end: j + 1 };
  // "عن مصدر عسكري", "عن المرصد": the words come from this source, through the subject
  if (t.kind === "word" && t.norm === "عن" && j + 1 < limit) {
    const original = subjectAfter(ctx, j + 1, limit);
    if (original) return { text: span(j, original.end), end: original.end, original };
  }
  // "في بيان", "في تصريح لـ…", "عبر حسابه على تويتر", "بمقطع فيديو على تطبيق تليغرام"
  const opens = (t.kind === "word" && (t.norm === "في" || t.norm === "عبر" || t.norm === "خلال") && j + 1 < limit && ctx.res.channels.has(tokens[j + 1].stem)) || (t.kind === "word" && /^ب(\+ال)?$/.test(t.pro) && ctx.res.channels.has(t.stem));
  if (!opens) return null;
  let k = j + 1;
  while (k < limit && k - j < 9 && !isComplementizer(tokens[k])) {
    // "في تصريح لـ«الشرق الأوسط»": the outlet in marks belongs to the channel
    if (isQuoteMark(text, tokens[k]) && isAddressee(ctx, k - 1)) {
      const close = findClose(ctx, k, limit);
      if (close < 0) break;
      k = close + 1;
      continue;
    }
    if (tokens[k].kind === "punct") break;
    k++;
  }
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


/** Endings of the adjectives that follow a source noun: nisba (ي، ية، يون، يين), feminine ة (ه), sound plurals. */
const ADJECTIVE_SHAPE = /(ي|يه|ه|ون|ين|ات)$/;
/** How far after a descriptor a person's name is looked for. */
const NAME_AFTER_ROLE = 8;

const isComma = (ctx: Ctx, k: number): boolean => ctx.tokens[k].kind === "punct" && (ctx.text[ctx.tokens[k].start] === "،" || ctx.text[ctx.tokens[k].start] === ",");

/**
 * Whether token k opens the one spoken to: a preposition of address attached ("لرويترز", "للصحفيين",
 * "لوالديها") or standing alone before it ("لـ «الشرق الأوسط»", "إلى الصحفيين").
 */
export function isAddressee(ctx: Ctx, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word") return false;
  const rules = ctx.res.speakerRules;
  const pro = t.pro.replace(/^[وف]\+?/, "").replace(/\+?ال$/, "");
  if (pro && rules.addressee.has(pro)) return true;
  return rules.addressee.has(t.norm) && !t.pro;
}

/** The longest given name ("عبد الرحمن" before "عبد") starting at token k, as its end, else 0. */
function givenNameEnd(ctx: Ctx, k: number, limit: number): number {
  const given = ctx.res.entityLexicons.givenNames;
  const t = ctx.tokens[k];
  // "الياس" reads as ال + ياس: the list holds given names without the article
  if (t.kind !== "word" || (t.pro && t.pro !== "ال")) return 0;
  if (k + 1 < limit && given.has(`${t.stem} ${ctx.keys[k + 1]}`)) return k + 2;
  return given.has(t.stem) ? k + 1 : 0;
}

/**
 * A person no list holds, opened by a given name and closed by one or two family names:
 * "الياس الزغبي", "تيري جوفو". Stops at punctuation, a preposition, a function word or a cue.
 */
function unlistedName(ctx: Ctx, k: number, limit: number): { found: Found; start: number } | null {
  let e = givenNameEnd(ctx, k, limit);
  if (!e) return null;
  const lex = ctx.res.entityLexicons;
  const first = e;
  while (e < limit && e - first < 2) {
    const t = ctx.tokens[e];
    if (t.kind !== "word" || (t.pro && t.pro !== "ال") || lex.functionWords.has(t.stem) || ctx.res.reporting.words.has(t.stem) || isComplementizer(t)) break;
    e++;
  }
  if (e === first) return null;
  // a given name that could be a common word with the article ("السلام") needs a family name no list holds
  if (ctx.tokens[k].pro && ctx.tokens[first].kind === "word" && lex.common.has(ctx.tokens[first].stem)) return null;
  const name = ctx.text.slice(ctx.tokens[k].start, ctx.tokens[e - 1].end);
  const speaker: Speaker = { name, entity: null, type: "person", role: null };
  return { found: { speaker, source: { ...speaker, kind: "person", descriptor: null }, end: e }, start: k };
}

/** Words of a name that no list holds, between a title and the words said. */
const MIN_BARE_NAME = 2;
const MAX_BARE_NAME = 3;

/**
 * A name no list holds and no given name opens, between a title and the words said ("مساعد مدير
 * العمليات كزافيه جينوت: «…»"): two or three words that are no vocabulary of the language (no
 * common word, particle, cue or clitic), followed at once by a colon, a quotation mark, a comma or أن.
 */
function nameBeforeWords(ctx: Ctx, k: number, limit: number): { found: Found; start: number } | null {
  const lex = ctx.res.entityLexicons;
  let e = k;
  while (e < limit && e - k < MAX_BARE_NAME) {
    const t = ctx.tokens[e];
    if (t.kind !== "word" || t.pro || t.enc || ctx.startsAt[e] || ctx.covers[e]) break;
    if (lex.common.has(t.stem) || lex.functionWords.has(t.stem) || ctx.res.reporting.words.has(t.stem) || lex.titles.start(t.stem) || isComplementizer(t)) break;
    e++;
  }
  if (e - k < MIN_BARE_NAME || e >= limit) return null;
  const next = ctx.tokens[e];
  const opensWords = isComplementizer(next) || isQuoteMark(ctx.text, next) || (next.kind === "punct" && /^[:：،,]$/.test(ctx.text[next.start]));
  if (!opensWords) return null;
  const name = ctx.text.slice(ctx.tokens[k].start, ctx.tokens[e - 1].end);
  const speaker: Speaker = { name, entity: null, type: "person", role: null };
  return { found: { speaker, source: { ...speaker, kind: "person", descriptor: null }, end: e }, start: k };
}

/**
 * "بيان لوزارة الداخلية", "بيان صادر عن الجيش": a statement speaks for the body that issued it; "البيان"
 * alone is the statement the text last named.
 */
function statementIssuer(ctx: Ctx, j: number, limit: number): Found | null {
  const t = ctx.tokens[j];
  if (t.kind !== "word" || !ctx.res.speakerRules.statements.has(t.stem)) return null;
  let k = j + 1;
  // "بيان صادر عن", "بيان رسمي ل"
  while (k < limit && k - j <= 2 && ctx.tokens[k].kind === "word" && !ctx.startsAt[k] && !/^ل/.test(ctx.tokens[k].pro) && ctx.tokens[k].norm !== "عن") k++;
  if (k < limit && ctx.tokens[k].norm === "عن") k++;
  else if (k < limit && ctx.tokens[k].norm === "ل") k++;
  const m = k < limit ? entityAt(ctx, k) : null;
  if (m && m.entity.type === "ORG") {
    const found = { ...fromEntity(ctx, m.entity), end: m.end };
    ctx.lastIssuer = found;
    return found;
  }
  if (hasArticle(t.pro) && ctx.lastIssuer) return { ...ctx.lastIssuer, end: j + 1 };
  return null;
}

/**
 * A body of an organisation in the construct state, named by its head noun before the organisation:
 * "قيادة الشرطة الاتحادية", "المكتب الإعلامي للمقاومة" (heads: rule "body" in speaker-rules.tsv).
 */
function bodyOf(ctx: Ctx, j: number, limit: number): Found | null {
  const t = ctx.tokens[j];
  if (t.kind !== "word" || ctx.startsAt[j] || (t.pro && !hasArticle(t.pro)) || !ctx.res.speakerRules.bodies.has(t.stem)) return null;
  let k = j + 1;
  // one adjective may stand between ("المكتب الإعلامي للمقاومة")
  if (k < limit && !ctx.startsAt[k] && ctx.tokens[k].kind === "word" && hasArticle(ctx.tokens[k].pro) && /ي$/.test(ctx.tokens[k].stem)) k++;
  const m = k < limit ? ctx.startsAt[k] : undefined;
  if (!m || m.entity.type !== "ORG" || m.entity.category === "media") return null;
  const first = nameStartInToken(ctx.text, t);
  const name = (first.addArticle ? "ال" : "") + ctx.text.slice(first.start, ctx.tokens[m.end - 1].end);
  const speaker: Speaker = { name, entity: m.entity.id, type: "organisation", role: null };
  return { speaker, source: { ...speaker, kind: fromEntity(ctx, m.entity).source.kind, descriptor: null }, end: m.end };
}

/** Prepositions whose object is never the speaker of a nearby quotation ("خطف عناصر من «الفرقة 30»"). */
const GOVERNING = new Set(["من", "في", "عن", "علي", "الي", "مع", "ضد", "بين", "ب", "ك"]);

/** Whether the mention starting at k is the object of a preposition (standing alone or attached). */
function governed(ctx: Ctx, k: number): boolean {
  let p = k - 1;
  if (p >= 0 && isQuoteMark(ctx.text, ctx.tokens[p])) p--;
  const t = ctx.tokens[k];
  const attached = t.kind === "word" && /^(ب|ك)(\+ال)?$/.test(t.pro);
  const before = p >= 0 ? ctx.tokens[p] : undefined;
  return attached || (!!before && before.kind === "word" && !before.pro && GOVERNING.has(before.stem));
}
