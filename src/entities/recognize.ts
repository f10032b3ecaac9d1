/**
 * Entity mentions in one sentence: longest-match lookup of actor and place names over token keys,
 * then contextual rules for names no list holds. The rules, tried at each token in this order (the
 * longest match wins; on a tie, a listed name beats a contextual one):
 *  1. listed names: actors (data/actors) and places (data/gazetteer), longest key sequence;
 *  2. a name head and the phrase it governs: "مطار X" (FAC), "قرية X" (LOC), "وزارة X" (ORG);
 *  3. a title or rank before a name: "العقيد ميلود الزوي" (PER, role العقيد);
 *  4. a given name and the name words after it: "محمد بامهدي", "عبدالرحمن الزيلعي", "X بن Y";
 *  5. a kunya: "أبو محمد الجولاني".
 * Place names that are also ordinary words ("البلد", "الكامل") count only with a head or a locative
 * word before them ("في", "قرب", "شمال" …), or when they name a country; neighbourhoods need "حي".
 */
import type { Token } from "../document.js";
import type { GazPlace, PlaceName } from "../geo/gazetteer.js";
import type { Gazetteer } from "../geo/gazetteer.js";
import { hasArticle, NAME_INNER_PUNCT, tokenKey } from "../text/keys.js";
import type { TrieNode, KeyTrie } from "../util/trie.js";
import { WordCache } from "../util/word-cache.js";
import type { Actor, ActorIndex } from "./actors.js";
import type { EntityLexicons, EntityType, Head } from "./lexicons.js";

export interface Mention {
  /** Token range of the name (a stripped head such as "مدينة" is outside it). */
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  /** "list": a data file; "context": the contextual rules; "model": the name tagger (combine.ts). */
  source: "list" | "context" | "model";
  rule: "actor" | "gazetteer" | "head" | "title" | "given-name" | "kunya" | "coreference" | "dateline" | "model";
  actor?: Actor;
  places?: PlaceName[];
  /** The head word before or at the start of the name, and what it says. */
  head?: Head;
  headText?: string;
  /** For a facility or organisation named after a place ("سجن حمص المركزي"), that place. */
  inner?: PlaceName[];
  /**
   * A one-word name of a minor place with nothing around it to show it is a place ("بيتا"): kept only
   * if the article names another place of the same country (see entitiesStage).
   */
  weak?: boolean;
  role?: string;
  sentence: number;
}

export interface RecognizerResources {
  actors: ActorIndex;
  gazetteer: Gazetteer;
  lex: EntityLexicons;
}

/** Prepositions and place words that announce a place ("في", "إلى", "قرب", "شمال" …), by stem. */
const LOCATIVES = new Set(["في", "الي", "من", "قرب", "داخل", "حول", "عند", "باتجاه", "نحو", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "مدينه", "اطراف", "مشارف", "محيط", "ضواحي"]);
const MAX_HEAD_PHRASE = 7;
const MAX_PERSON_TOKENS = 5;
const ROLE_WINDOW = 7;
/** Words that join parts of a person's name: بن، ابن، بنت، آل، عبد، أبو، أم. */
export const NAME_CONNECTORS = new Set(["بن", "ابن", "بنت", "ال", "عبد", "ابو", "ام", "ابي", "بنو"]);
const KUNYA = new Set(["ابو", "ام", "ابي"]);
/** Function words that may sit inside a role ("القائد في إدارة …", "المتحدث باسم …"). */
const ROLE_LINKS = new Set(["في", "باسم", "لدي", "عن"]);

interface Span {
  end: number;
  mention: Omit<Mention, "sentence">;
}

export class Recognizer {
  constructor(private readonly r: RecognizerResources) {}

  /** Mentions in tokens [from, to) of one sentence; `keys` are the tokens' keys (tokenKey), computed once per document. */
  recognize(text: string, tokens: Token[], from: number, to: number, sentence: number, keys: string[] = tokens.map(tokenKey)): Mention[] {
    const ctx: Ctx = { text, tokens, keys, from, to, walks: new Map() };
    const out: Mention[] = [];
    let i = from;
    while (i < to) {
      const found = this.best(ctx, i);
      if (found) {
        out.push({ ...found.mention, sentence });
        i = found.end;
      } else i++;
    }
    return out;
  }

  /** Whether a word could open a name, by its own letters; cached per distinct word. */
  private readonly opens = new WordCache<boolean>((t) => {
    const { lex, actors, gazetteer } = this.r;
    const key = tokenKey(t);
    return !!(actors.names.start(key) || gazetteer.names.start(key) || actors.names.start(t.norm) || gazetteer.names.start(t.norm) ||
      lex.heads.has(key) || lex.heads.has(t.stem) || lex.multiWordHeads.start(key) || lex.titles.start(key) || lex.titles.start(t.norm) ||
      lex.givenNames.has(t.stem) || KUNYA.has(t.stem));
  });

  /** Whether any rule could start a mention at token i, before the rules run. */
  private mayStart(ctx: Ctx, i: number): boolean {
    if (this.opens.get(ctx.tokens[i])) return true;
    const prev = i > ctx.from ? ctx.tokens[i - 1] : undefined;
    return !!prev && this.r.lex.speechVerbs.has(prev.stem);
  }

  private best(ctx: Ctx, i: number): Span | null {
    const t = ctx.tokens[i];
    if (t.kind !== "word" && t.kind !== "latin") return null;
    if (!this.mayStart(ctx, i)) return null;
    const candidates: Span[] = [];
    const listed = this.listed(ctx, i, true);
    if (listed) candidates.push(listed);
    const headed = this.headed(ctx, i);
    if (headed) candidates.push(headed);
    const titled = this.titled(ctx, i);
    if (titled) candidates.push(titled);
    const person = this.person(ctx, i, false);
    if (person) candidates.push(person);
    const speaker = this.speakerName(ctx, i);
    if (speaker) candidates.push(speaker);
    if (!candidates.length) return null;
    // Longest first; on a tie, listed names before contextual ones (stable sort keeps that order).
    candidates.sort((a, b) => b.end - a.end);
    return this.withRole(ctx, this.extendLineage(ctx, candidates[0]));
  }

  /** Rule 1: the longest actor or place name starting at i. */
  private listed(ctx: Ctx, i: number, filterWeak: boolean): Span | null {
    const actor = walk(ctx, i, this.r.actors.names);
    const place = walk(ctx, i, this.r.gazetteer.names);
    const places = place ? place.values.filter((p) => !p.stripped) : [];
    const placeOk = place && places.length > 0 && (!filterWeak || this.placeStandsAlone(ctx, i, place.end, places));
    // "اقتحام القاعدة الجوية": a one-word actor that is an ordinary word beside these words is none
    if (actor && !this.isNotName(ctx, i, actor.end) && (!placeOk || actor.end >= place!.end)) {
      const a = preferredActor(actor.values);
      // An actor that is also a listed place of the same extent ("الجزيرة") is read as the place
      // unless the actor is an organisation of the news (media are named by their full titles).
      if (!(placeOk && place!.end === actor.end && a.type === "ORG" && this.isWeakActor(ctx, i, actor.end))) {
        return { end: actor.end, mention: { tokenStart: i, tokenEnd: actor.end, type: a.type, source: "list", rule: "actor", actor: a } };
      }
    }
    if (placeOk) {
      const weak = place!.end - i === 1 && places.every((p) => isMinor(p.place)) && !this.locativeWordBefore(ctx, i);
      return { end: place!.end, mention: { tokenStart: i, tokenEnd: place!.end, type: placeType(places), source: "list", rule: "gazetteer", places, weak: weak || undefined } };
    }
    return null;
  }

  /** A single-word actor alias that is an ordinary word is not trusted over a place of the same name. */
  private isWeakActor(ctx: Ctx, i: number, end: number): boolean {
    return end - i === 1 && this.r.lex.common.has(ctx.tokens[i].stem);
  }

  /** Whether a listed place found at [i, end) may stand without a head: see the module comment. */
  /** "مسقط رأسه", "عن طريق": a name next to these words is an ordinary word (data/lexicon/not-names.tsv). */
  private isNotName(ctx: Ctx, i: number, end: number): boolean {
    const rule = end - i === 1 ? this.r.lex.notNames.get(ctx.tokens[i].stem) ?? this.r.lex.notNames.get(ctx.tokens[i].norm) : undefined;
    if (!rule) return false;
    const next = end < ctx.to ? ctx.tokens[end] : undefined;
    const prev = i > ctx.from ? ctx.tokens[i - 1] : undefined;
    return (!!next && (rule.next.has(next.norm) || rule.next.has(next.stem))) || (!!prev && (rule.prev.has(prev.norm) || rule.prev.has(prev.stem)));
  }

  private placeStandsAlone(ctx: Ctx, i: number, end: number, places: PlaceName[]): boolean {
    const t = ctx.tokens[i];
    if (this.isNotName(ctx, i, end)) return false;
    const ordinary = end - i === 1 && this.isOrdinaryWord(t);
    const onlyNeighbourhoods = places.every((p) => p.place.kind === "neighbourhood");
    if (onlyNeighbourhoods) return false; // a neighbourhood needs its head ("حي الخالدية")
    if (!ordinary) return true;
    if (places.some((p) => p.place.kind === "country")) return true;
    return this.locativeWordBefore(ctx, i);
  }

  /**
   * A locative word right before ("في", "قرب", "شمال" …), or an attached ب on a bare name ("بإب"); ب
   * before the article ("بالكامل") is too common to count.
   */
  private locativeWordBefore(ctx: Ctx, i: number): boolean {
    const t = ctx.tokens[i];
    if (/(^|\+)ب$/.test(t.pro)) return true;
    if (t.pro && t.pro !== "ال") return false;
    const prev = i > ctx.from ? ctx.tokens[i - 1] : undefined;
    return !!prev && prev.kind === "word" && LOCATIVES.has(prev.stem);
  }

  /** Rule 2: a head word and the name phrase it governs. */
  private headed(ctx: Ctx, i: number): Span | null {
    const t = ctx.tokens[i];
    if (t.kind !== "word" || t.enc) return null;
    const { lex } = this.r;
    let head = lex.heads.get(ctx.keys[i]);
    let after = i + 1;
    const multi = walk(ctx, i, lex.multiWordHeads);
    if (multi) {
      head = multi.values[0];
      after = multi.end;
    }
    if (!head) {
      const h = hasArticle(t.pro) ? lex.heads.get(t.stem) : undefined;
      const next = ctx.tokens[i + 1];
      // "الفرقة 30", "الكتيبة 102 مشاة", "اللواء 35": a definite unit head before its number
      if (h?.type === "ORG" && h.kind === "unit" && i + 1 < ctx.to && next.kind === "number") {
        let end = i + 2;
        const unit = ctx.tokens[end];
        if (end < ctx.to && unit.kind === "word" && !unit.pro && lex.unitTypes.has(unit.stem)) end++;
        return { end, mention: { tokenStart: i, tokenEnd: end, type: "ORG", source: "context", rule: "head", head: h, headText: ctx.text.slice(t.start, t.end) } };
      }
      // "الجيش التركي": a definite head before a nationality adjective
      if (h?.gentilic && i + 1 < ctx.to && next.kind === "word" && hasArticle(next.pro) && !next.pro.includes("و") && this.isNationalGentilic(next.stem)) {
        let end = i + 2;
        while (end < ctx.to && ctx.tokens[end].kind === "word" && hasArticle(ctx.tokens[end].pro) && ctx.tokens[end].pro === "ال" && this.r.lex.gentilics.has(ctx.tokens[end].stem)) end++;
        return { end, mention: { tokenStart: i, tokenEnd: end, type: h.type, source: "context", rule: "head", head: h, headText: ctx.text.slice(t.start, t.end) } };
      }
      return null;
    }
    if (head.definite !== hasArticle(t.pro) && !head.definite) return null; // "المدينة" is not "مدينة X"
    if (this.isNotName(ctx, i, i + 1)) return null;
    const phrase = this.headPhrase(ctx, after, head);
    if (!phrase) return null;
    const headText = ctx.text.slice(t.start, ctx.tokens[after - 1].end);
    if (head.keep) {
      // The whole phrase is the name; a listed name of exactly that extent (a facility) is preferred by best().
      const listed = this.listed(ctx, i, false);
      if (listed && listed.end === phrase.end) return listed;
      return { end: phrase.end, mention: { tokenStart: i, tokenEnd: phrase.end, type: head.type, source: "context", rule: "head", head, headText, inner: phrase.inner?.places } };
    }
    // The name is what follows the head: a listed place (stripped admin names allowed; adjectives after
    // it describe it: "محافظة لحج الجنوبية" is لحج), or a new name.
    const inner = phrase.inner && phrase.inner.start === after ? phrase.inner : undefined;
    const end = inner ? inner.end : phrase.end;
    return {
      end: phrase.end,
      mention: { tokenStart: after, tokenEnd: end, type: head.type, source: inner ? "list" : "context", rule: inner ? "gazetteer" : "head", places: inner?.places, head, headText },
    };
  }

  private isNationalGentilic(stem: string): boolean {
    const g = this.r.lex.gentilics.get(stem);
    return !!g && g.kind === "national";
  }

  /**
   * The phrase a head governs, from `from`: a construct chain of nouns closed by a definite word or a
   * proper name, then definite adjectives; "ل" opens a further chain ("المرصد السوري لحقوق الإنسان").
   */
  private headPhrase(ctx: Ctx, from: number, head: Head): { end: number; nameLike: boolean; inner?: { start: number; end: number; places: PlaceName[] } } | null {
    const { tokens } = ctx;
    const lex = this.r.lex;
    let j = from;
    let closed = -1;
    let state: "need" | "closed" = "need";
    let nameLike = false;
    let inner: { start: number; end: number; places: PlaceName[] } | undefined;
    while (j < ctx.to && j - from < MAX_HEAD_PHRASE) {
      const t = tokens[j];
      if (t.kind === "number") {
        if (head.type === "LOC") break;
        j++;
        closed = j;
        state = "closed";
        nameLike = true;
        continue;
      }
      if (t.kind !== "word") break;
      // right after a place head, a listed place is the name even if it spells a common word ("محافظة إب")
      const placeFirst = head.type === "LOC" && j === from ? walk(ctx, j, this.r.gazetteer.names) : null;
      if (!placeFirst && lex.functionWords.has(t.stem) && !lex.gentilics.has(t.stem)) break;
      const pro = t.pro;
      // a person after a title inside the phrase is part of it ("ملعب الأمير محمد بن عبدالعزيز")
      if (!pro && j > from && walk(ctx, j - 1, lex.titles)?.end === j && head.type !== "LOC") {
        const person = this.person(ctx, j, true);
        if (person) {
          j = person.end;
          closed = j;
          state = "closed";
          nameLike = true;
          continue;
        }
      }
      // a person's name may end a construct chain ("غرفة عمليات عمر المختار", "مستشفى الملك فهد" above);
      // after a closed phrase it begins a new mention ("المرصد رامي عبد الرحمن")
      // (after a place head, a given name is just a word of the place's name: "حي كرم الطراب")
      if (!pro && lex.givenNames.has(t.stem) && head.type !== "LOC") {
        const person = state === "need" && j > from ? this.person(ctx, j, false) : null;
        if (!person) break;
        j = person.end;
        closed = j;
        state = "closed";
        nameLike = true;
        continue;
      }
      if (j > from && /(^|\+)(و|ف)(\+|$)/.test(pro)) break;
      if (/(^|\+)(ب|ك)(\+|$)/.test(pro)) break;
      const list = walk(ctx, j, this.r.gazetteer.names);
      const actor = walk(ctx, j, this.r.actors.names);
      // after a closed phrase, a listed actor not joined by لـ is the next mention, not more of this name:
      // "قوات البيشمركة | تنظيم داعش", "قوات البيشمركة | مسلحي داعش"
      if (state === "closed" && actor && actor.end >= (list?.end ?? 0)) break;
      if ((list || actor) && !(state === "closed" && pro === "ل")) {
        const end = Math.max(list?.end ?? 0, actor?.end ?? 0);
        // a one-word ordinary place name ("الوادي") inside a phrase says nothing of where it is
        // after a place head ("مدينة الرمادي") the name is a place whatever else it means
        if (list && !inner && list.end === end && (head.type === "LOC" || !(end - j === 1 && this.isOrdinaryWord(t)))) inner = { start: j, end, places: [...list.values] };
        nameLike = true;
        j = end;
        closed = j;
        state = "closed";
        continue;
      }
      if (hasArticle(pro)) {
        if (pro !== "ال" && !(head.type === "ORG" && pro === "ل+ال")) break;
        if (lex.functionWords.has(t.stem)) break;
        // once closed, only relational adjectives go on ("المركزي", "الجوية"), not "الواقع"
        if (state === "closed" && pro === "ال" && (!isNisba(t.stem) || lex.nameStops.has(t.stem))) break;
        j++;
        closed = j;
        state = "closed";
        if (!lex.common.has(t.stem) && !lex.gentilics.has(t.stem)) nameLike = true;
        continue;
      }
      if (state === "closed") {
        if (pro === "ل" && head.type === "ORG") {
          state = "need";
          j++;
          continue;
        }
        break;
      }
      if (pro) break;
      // an indefinite ordinary adjective right after the head describes it ("شركة جديدة")
      if (j === from && /(ه|ي)$/.test(t.stem) && lex.common.has(t.stem) && !this.isNameWord(t) && j + 1 < ctx.to && !hasArticle(tokens[j + 1].pro)) break;
      j++;
      if (this.isNameWord(t)) {
        // a name no list holds closes the phrase ("قرية الفلاحي", "مخيم X")
        nameLike = true;
        closed = j;
        state = "closed";
      }
    }
    if (closed <= from) return null;
    // an organisation's name may be made of ordinary words when it runs to two or more ("جبهة أنصار الدين")
    if (head.needsName && !nameLike && !(head.type === "ORG" && closed - from >= 2 && !head.needsProper)) return null;
    return { end: closed, nameLike, inner };
  }

  private isOrdinaryWord(t: Token): boolean {
    const lex = this.r.lex;
    return lex.common.has(t.stem) || lex.givenNames.has(t.stem) || lex.functionWords.has(t.stem);
  }

  /** A word that is a name, not vocabulary: a given name, or a word no lexicon knows. */
  private isNameWord(t: Token): boolean {
    const lex = this.r.lex;
    if (t.kind !== "word") return false;
    if (lex.givenNames.has(t.stem)) return true;
    return t.stem.length >= 2 && !lex.common.has(t.stem) && !lex.functionWords.has(t.stem);
  }

  /** Whether a name may end before token k: at the end, punctuation, a function word or a conjunction. */
  private endsName(ctx: Ctx, k: number): boolean {
    if (k >= ctx.to) return true;
    const t = ctx.tokens[k];
    return t.kind === "punct" || (t.kind === "word" && (this.r.lex.functionWords.has(t.stem) || /(^|\+)و(\+|$)/.test(t.pro)));
  }

  private startsListedNonPerson(ctx: Ctx, j: number): boolean {
    if (walk(ctx, j, this.r.gazetteer.names)?.values.some((p) => !p.stripped)) return true;
    return !!walk(ctx, j, this.r.actors.names)?.values.some((a) => a.type === "ORG");
  }

  /**
   * A person's title or role: a title that opens the matched name is moved out of it ("الرئيس بشار
   * الأسد" → بشار الأسد, role الرئيس); else a title shortly before the name ("مدير المرصد رامي …",
   * "القائد في إدارة العمليات العسكرية أحمد الشرع"), else one right after it ("… الزوي المتحدث باسم …").
   */
  private withRole(ctx: Ctx, span: Span): Span {
    const m = span.mention;
    if (m.type !== "PER") return span;
    const lead = walk(ctx, m.tokenStart, this.r.lex.titles);
    if (lead && lead.end < m.tokenEnd) {
      return { ...span, mention: { ...m, tokenStart: lead.end, role: m.role ?? ctx.text.slice(ctx.tokens[m.tokenStart].start, ctx.tokens[lead.end - 1].end) } };
    }
    if (m.role) return span;
    const role = this.roleBefore(ctx, m.tokenStart) ?? this.roleAfter(ctx, m.tokenEnd);
    return role ? { ...span, mention: { ...m, role } } : span;
  }

  private roleBefore(ctx: Ctx, start: number): string | undefined {
    let found: number | undefined;
    for (let k = start - 1; k >= Math.max(ctx.from, start - ROLE_WINDOW); k--) {
      const t = ctx.tokens[k];
      if (t.kind !== "word" && t.kind !== "number") break;
      if (this.r.lex.functionWords.has(t.stem) && !ROLE_LINKS.has(t.stem)) break;
      const title = walk(ctx, k, this.r.lex.titles);
      if (title && title.end <= start) found = k;
    }
    return found === undefined ? undefined : ctx.text.slice(ctx.tokens[found].start, ctx.tokens[start - 1].end);
  }

  private roleAfter(ctx: Ctx, end: number): string | undefined {
    if (end >= ctx.to || !walk(ctx, end, this.r.lex.titles) || !hasArticle(ctx.tokens[end].pro)) return undefined;
    let k = end;
    while (k < ctx.to && k - end < ROLE_WINDOW && (ctx.tokens[k].kind === "word" || ctx.tokens[k].kind === "number") && !(k > end && /(^|\+)(و|ف)(\+|$)/.test(ctx.tokens[k].pro)) && !(this.r.lex.functionWords.has(ctx.tokens[k].stem) && !ROLE_LINKS.has(ctx.tokens[k].stem))) k++;
    return ctx.text.slice(ctx.tokens[end].start, ctx.tokens[k - 1].end);
  }

  /**
   * A given name that is also an ordinary word ("خلف", "عيد", "حياة", "سبيل"). "علي" written with ي is
   * the name, though it normalises like the preposition "على".
   */
  private isOrdinaryGivenName(ctx: Ctx, i: number): boolean {
    const t = ctx.tokens[i];
    if (!this.r.lex.common.has(t.stem)) return false;
    return !(this.r.lex.functionWords.has(t.stem) && /ي$/.test(ctx.text.slice(t.start, t.end)));
  }

  /** A listed person's name written longer: "خليفة بن سلمان" + "بن خليفة", "محمد بن نايف" + "آل سعود". */
  private extendLineage(ctx: Ctx, span: Span): Span {
    if (span.mention.type !== "PER") return span;
    let end = span.end;
    const t = ctx.tokens;
    while (end + 1 < ctx.to && t[end].kind === "word" && !t[end].pro && NAME_CONNECTORS.has(t[end].norm) && !KUNYA.has(t[end].norm) && t[end + 1].kind === "word" && (this.r.lex.givenNames.has(t[end + 1].stem) || this.isNameWord(t[end + 1]))) end += 2;
    return end === span.end ? span : { end, mention: { ...span.mention, tokenEnd: end } };
  }

  /** "على" and the name "علي" normalise alike; the written ى tells the preposition. */
  private isFunctionWordAsWritten(ctx: Ctx, i: number): boolean {
    const t = ctx.tokens[i];
    return this.r.lex.functionWords.has(t.stem) && /[ىئ]$/.test(ctx.text.slice(t.start, t.end));
  }

  /**
   * Rule 6: after a verb of saying, the words no lexicon knows are the speaker's name ("وقالت
   * أوكونجو آيويلا …", "وقالت جنيفر ريريا"): two of them, or one right before أن, a colon or a quotation.
   */
  private speakerName(ctx: Ctx, i: number): Span | null {
    const { tokens } = ctx;
    const lex = this.r.lex;
    const verb = i > ctx.from ? tokens[i - 1] : undefined;
    if (!verb || verb.kind !== "word" || !lex.speechVerbs.has(verb.stem) || (verb.pro && verb.pro !== "و" && verb.pro !== "ف")) return null;
    let j = i;
    while (j < ctx.to && j - i < 3 && tokens[j].kind === "word" && !tokens[j].pro && !tokens[j].enc && (this.isNameWord(tokens[j]) || lex.givenNames.has(tokens[j].stem)) && !walk(ctx, j, lex.titles)) j++;
    if (j === i) return null;
    const next = tokens[j];
    const opensSpeech = !!next && ((next.kind === "punct" && /[:«“"]/.test(ctx.text[next.start])) || /^ب?ان/.test(next.norm));
    if (j - i < 2 && !opensSpeech) return null;
    return { end: j, mention: { tokenStart: i, tokenEnd: j, type: "PER", source: "context", rule: "given-name" } };
  }

  /** Rule 3: a title, rank or role before a person's name ("العقيد ميلود الزوي"). */
  private titled(ctx: Ctx, i: number): Span | null {
    const title = walk(ctx, i, this.r.lex.titles);
    // a title word with a pronoun attached is a noun ("سعادته": his happiness), not a title before a name
    if (!title || title.end >= ctx.to || ctx.tokens[title.end - 1].enc) return null;
    const person = this.person(ctx, title.end, true);
    if (!person) return null;
    // a role word ("المعارضة", "المواطن") is also a common noun: only a given or listed name may follow it
    const first = ctx.tokens[title.end];
    if (title.values[0].kind === "role" && person.mention.rule !== "actor" && !this.r.lex.givenNames.has(first.stem)) return null;
    return { end: person.end, mention: { ...person.mention, role: ctx.text.slice(ctx.tokens[i].start, ctx.tokens[title.end - 1].end) } };
  }

  /**
   * Rules 4 and 5: a person's name from a given name or a kunya (or, after a title, from any name
   * word). `afterTitle` lets a name start with a word no list holds.
   */
  private person(ctx: Ctx, i: number, afterTitle: boolean): Span | null {
    const { tokens } = ctx;
    const lex = this.r.lex;
    const t = tokens[i];
    if (t.kind !== "word" || t.enc || hasArticle(t.pro) || /(^|\+)(ب|ل|ك|ف)(\+|$)/.test(t.pro)) return null;
    const listed = this.listed(ctx, i, false);
    if (listed?.mention.type === "PER") return listed;
    if (NAME_CONNECTORS.has(t.norm) && !KUNYA.has(t.norm)) return null; // "بن خليفة" continues a name, never opens one
    const given = lex.givenNames.has(t.stem) && !this.isFunctionWordAsWritten(ctx, i);
    const kunya = KUNYA.has(t.stem);
    if (!given && !kunya && !(afterTitle && this.isNameWord(t))) return null;
    // "دان مسعود البرزاني": a given name that is also a verb or noun does not open a name that a firmer one opens next
    if (given && !afterTitle && this.isOrdinaryGivenName(ctx, i) && i + 1 < ctx.to && tokens[i + 1].kind === "word" && !tokens[i + 1].pro && lex.givenNames.has(tokens[i + 1].stem) && !this.isOrdinaryGivenName(ctx, i + 1)) return null;
    let j = i + 1;
    let needMore = kunya;
    while (j < ctx.to && j - i < MAX_PERSON_TOKENS) {
      const n = tokens[j];
      if (n.kind !== "word" || n.enc || (n.pro && n.pro !== "ال")) break;
      if (lex.functionWords.has(n.stem) && !NAME_CONNECTORS.has(n.stem)) break;
      // "… المتحدث باسم": a role follows the name — but a one-word honorific that no name follows
      // is a family name ("زين السيد", "علي الفقيه")
      const title = walk(ctx, j, lex.titles);
      // (the honorific stands as a family name only after a lone given name, and where nothing else names)
      if (title && !lex.givenNames.has(n.stem) && !(title.end === j + 1 && j === i + 1 && !(j + 1 < ctx.to && this.isNameWord(tokens[j + 1])))) break;
      if (NAME_CONNECTORS.has(n.norm)) {
        j++;
        needMore = true;
        continue;
      }
      if (n.pro === "ال") {
        // a family name with the article ("الزيلعي") ends the name unless a connector follows
        if (lex.gentilics.get(n.stem)?.kind === "national" && !needMore) break;
        j++;
        needMore = false;
        if (!(j < ctx.to && NAME_CONNECTORS.has(tokens[j].norm))) break;
        continue;
      }
      // a listed place or organisation after a name is not part of it ("علي حمص" is "on Homs")
      if (!needMore && this.startsListedNonPerson(ctx, j)) break;
      // ("على" written with ى is the preposition, never the name علي)
      if ((lex.givenNames.has(n.stem) ? !this.isFunctionWordAsWritten(ctx, j) : this.isNameWord(n)) || needMore) {
        j++;
        needMore = false;
        continue;
      }
      // an ordinary word right after the given name, where the sentence moves on, is a family name
      // ("محمد حلواني، …", "عبدالكريم صبرا إن …")
      if (j === i + 1 && !lex.functionWords.has(n.stem) && !/^[يتن]/.test(n.stem) && this.endsName(ctx, j + 1)) {
        j++;
        break;
      }
      break;
    }
    if (needMore) j--;
    // A lone given name is a person only after a title; a lone kunya never is; after a title, a word
    // no list knows needs a second name word.
    if (j - i < (afterTitle && (given || kunya) ? 1 : 2)) return null;
    // A given name that is also an ordinary word ("أمين", "سعيد") needs a second name word that is not.
    if (!afterTitle && given && this.isOrdinaryGivenName(ctx, i) && !tokens.slice(i + 1, j).some((x) => this.isNameWord(x))) return null;
    return { end: j, mention: { tokenStart: i, tokenEnd: j, type: "PER", source: "context", rule: afterTitle ? "title" : kunya ? "kunya" : "given-name" } };
  }
}

interface Ctx {
  text: string;
  tokens: Token[];
  keys: string[];
  from: number;
  to: number;
  /** Walk results by trie and start token: each rule asks again for the same walks. */
  walks: Map<object, Array<WalkResult<unknown> | null | undefined>>;
}

type WalkResult<V> = { end: number; values: readonly V[] };

/**
 * Walks a trie from token i; returns the longest key sequence with values and where it ends. Each
 * token may match by its segmented key ("بالرياض" → "الرياض") or by its whole normalised form
 * ("لحقوق" inside "المرصد السوري لحقوق الإنسان", the town "وان").
 */
export function walk<V>(ctx: Ctx, i: number, trie: KeyTrie<V>): WalkResult<V> | null {
  let memo = ctx.walks.get(trie);
  if (!memo) ctx.walks.set(trie, (memo = []));
  const hit = memo[i - ctx.from];
  if (hit !== undefined) return hit as WalkResult<V> | null;
  const found = walkFrom(ctx, i, trie);
  memo[i - ctx.from] = found;
  return found;
}

function walkFrom<V>(ctx: Ctx, i: number, trie: KeyTrie<V>): WalkResult<V> | null {
  const first = ctx.tokens[i];
  if (!trie.mayStart(first)) return null;
  let best: WalkResult<V> | null = null;
  const step = (node: TrieNode<V> | undefined, j: number): void => {
    if (!node) return;
    if (node.values.length && (!best || j > best.end)) best = { end: j, values: node.values };
    if (j >= ctx.to) return;
    // "العربية.نت", "العربية/الحدث": inner punctuation without spaces is part of the name
    let k = j;
    const t = ctx.tokens;
    if (t[k].kind === "punct" && NAME_INNER_PUNCT.has(ctx.text[t[k].start]) && t[k].start === t[k - 1].end && k + 1 < ctx.to && t[k + 1].start === t[k].end) k++;
    if (t[k].kind === "punct") return;
    const key = ctx.keys[k];
    step(node.next(key), k + 1);
    if (t[k].norm !== key) step(node.next(t[k].norm), k + 1);
  };
  step(trie.start(ctx.keys[i]), i + 1);
  if (first.norm !== ctx.keys[i]) step(trie.start(first.norm), i + 1);
  return best;
}

/**
 * The lexicon entries in words [from, to) of a sentence, left to right: a multi-word phrase from
 * `phrases` (longest first, its words skipped), else what `word` finds for the single word. Each hit
 * is built by `make`, so callers keep their own shapes. Used for event triggers and reporting cues.
 */
export function scanLexicon<V, W, R>(
  doc: { text: string; tokens: Token[]; keys: string[] },
  from: number,
  to: number,
  phrases: KeyTrie<V>,
  word: (t: Token, i: number) => W | undefined,
  make: (at: number, end: number, value: V | W) => R,
): R[] {
  const out: R[] = [];
  const ctx: Ctx = { text: doc.text, tokens: doc.tokens, keys: doc.keys, from, to, walks: new Map() };
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t.kind !== "word") continue;
    const phrase = walkFrom(ctx, i, phrases); // each start is walked once here: no memo needed
    if (phrase) {
      out.push(make(i, phrase.end, phrase.values[0]));
      i = phrase.end - 1;
      continue;
    }
    const value = word(t, i);
    if (value !== undefined) out.push(make(i, i + 1, value));
  }
  return out;
}

/** Places below this population, and villages, neighbourhoods, regions and facilities, are minor. */
const MINOR_POPULATION = 100_000;
const isMinor = (p: GazPlace): boolean => !["country", "admin1", "admin2", "city"].includes(p.kind) || (p.kind === "city" && p.population < MINOR_POPULATION);

/** A relational (nisba) adjective: ends in ي, ية, يون, يين. */
const isNisba = (stem: string): boolean => /(ي|يه|يون|يين|يات)$/.test(stem);

function preferredActor(actors: readonly Actor[]): Actor {
  return actors[0];
}

function placeType(places: readonly PlaceName[]): EntityType {
  return places.every((p) => p.place.kind === "facility") ? "FAC" : "LOC";
}
