/**
 * Events from sentences (the arguments' own rules: roles.ts for actor, target and associates,
 * event-places.ts for places that are not the event's, counts.ts for counts and tolls). For each
 * trigger (data/lexicon/event-triggers.tsv) in a sentence:
 *  - place: the first place or facility after the trigger that its preposition introduces ("سيطر
 *    على X", "انسحب من X", "غارة على X"), else the nearest after it in its clause, else before it;
 *  - actor: where the trigger puts it — the subject of a verb (after it, or just before it), the
 *    genitive after a noun ("غارات التحالف"), a passive agent ("من قبل X") — else the nearest actor
 *    before the trigger in the sentence, else the latest actor of the paragraph (a pronoun);
 *  - date: the nearest date expression of the sentence, else the latest of the paragraph, else the
 *    publication date (precision "published");
 *  - count, fatalities and wounded: a number after the trigger for arrests, releases, abductions,
 *    executions and displacement; the killed and wounded of the sentence (or of the next one);
 *  - modality: negated (لم، لن، ما …), planned (سـ، سوف، تعتزم …), threatened (هدد، توعد),
 *    hypothetical (إذا، لو، في حال), denied or claimed (inside a claim), else asserted; and
 *    background for years before the article's ("منذ اندلاع النزاع عام 2011").
 */
import type { Claim, MarsadDocument, Place, Sentence } from "../document.js";
import { standsForState, type WorkEntity } from "../entities/coref.js";
import { indexMentions } from "../entities/mentions.js";
import { scanLexicon } from "../entities/recognize.js";
import { eventScope } from "../relevance/index.js";
import { factualityOf, sharedAim, type Factuality, type FactualityLexicon, type Modality } from "./factuality.js";
import { byAircraft, contextIn, hasConflictContext, otherSense, placeCountries, type ContextFound, type SenseLexicon } from "./sense.js";
import { hasArticle, tokenKey } from "../text/keys.js";
import { normalize } from "../text/normalize.js";
import { actorAt, resolveGeneric, surface, type ActorPhrase } from "./actors.js";
import { findDates, type DateExpr } from "./dates.js";
import type { EventLexicon, EventType, Trigger } from "./lexicon.js";
import { actsOnPeople, armedActor, clauseStart as clauseOf, findActor, findAssociates, findTarget, fitsActor, masdarUse, namedByPlace, nearestActorBefore, toldBefore, type Party, type RoleContext, type RoleWords } from "./roles.js";
import { nationalForce, nationalTail, type Gentilics } from "./national.js";
import { narrowToContained, objectNotPlace, offEventPlace, type PlaceRole } from "./event-places.js";
import { countAfterTrigger, tallyOf, talliesIn, type Tally } from "./counts.js";
import { ReportIndex } from "./sources.js";
import type { Count } from "./numbers.js";

export interface RawEvent {
  type: EventType;
  trigger: { start: number; end: number; text: string; token: number };
  sentence: number;
  paragraph: number;
  place: WorkEntity | null;
  actor: ActorPhrase | null;
  /** The party hit, with its category. */
  target: Party | null;
  /** Helpers ("بدعم من X"). */
  associates: ActorPhrase[];
  date: DateExpr | null;
  count: Count | null;
  fatalities: Tally | null;
  wounded: Tally | null;
  /** The toll is a total over the several places of one trigger, kept on the first place's event only. */
  tollShared: boolean;
  modality: Modality;
  modalityCue: Factuality["cue"];
  background: boolean;
  claim: Claim | null;
}

export interface ExtractResources {
  events: EventLexicon;
  functionWords: ReadonlySet<string>;
  heads: ReadonlyMap<string, { type: string }>;
  speechVerbs: ReadonlySet<string>;
  senses: SenseLexicon;
  factuality: FactualityLexicon;
  roles: RoleWords;
  placeMarkers: Map<string, PlaceRole>;
  /** Plain nouns of ground or a site ("مواقع", "مقر"): data/events/ground-objects.txt. */
  groundObjects: ReadonlySet<string>;
  /** Force nouns that, bare, stand for the force named before ("التنظيم"): data/events/generic-heads.txt. */
  genericHeads: ReadonlySet<string>;
  /** Nationality adjectives (data/lexicon/gentilics.tsv), for "الغارات الروسية". */
  gentilics: Gentilics;
}

/** How far after the trigger its place is looked for. */
const PLACE_REACH = 16;
/**
 * Words before a place that make it a party, not a location ("مع طهران", "بين واشنطن و…", "لدى أنقرة"),
 * or the source of what is told ("بحسب أنقرة", "وفقا لدمشق", "على لسان طهران").
 */
const PARTY_PREPS = new Set(["مع", "بين", "لدي", "حسب", "بحسب", "وفق", "وفقا", "لسان"]);
const LOCATIVE_PREPS = new Set(["في", "علي", "من", "الي", "قرب", "عند", "داخل", "حول", "باتجاه", "نحو", "شمال", "جنوب", "شرق", "غرب", "وسط", "محيط", "مشارف", "اطراف"]);

interface Ctx extends RoleContext {
  doc: MarsadDocument;
  res: ExtractResources;
}

export function extractEvents(doc: MarsadDocument, entities: WorkEntity[], res: ExtractResources, reports: ReportIndex = new ReportIndex(doc)): RawEvent[] {
  const tokens = doc.tokens;
  const { startsAt, covers } = indexMentions(entities, tokens.length);
  const ctx: Ctx = { doc, text: doc.text, tokens, keys: tokens.map(tokenKey), startsAt, covers, lex: res.events, functionWords: res.functionWords, res };
  const sense = { doc, tokens, covers, countries: placeCountries(doc) };
  const placeById = new Map(doc.places.map((p) => [p.entity, p]));
  const placeOf = (e: WorkEntity): Place | undefined => placeById.get(e.id);
  const out: RawEvent[] = [];
  const tallied: Tally[][] = [];
  let lastActor: { actor: ActorPhrase; paragraph: number } | null = null;
  /** The latest actor with an owner, by its head word ("طيران" → "طيران التحالف"), for bare ones after it. */
  const forces = new Map<string, ActorPhrase>();
  // the latest date so far and the paragraph it stands in; a sentence without triggers is read for dates
  // only when a later trigger needs one (most sentences have no event)
  let lastDate: { get: () => { date: DateExpr; paragraph: number } | null } | null = null;
  const datesIn = (s: Sentence): DateExpr[] => {
    // a date inside a name ("قصر 22 مايو") or after منذ ("منذ يونيو 2014": a duration) dates no event
    // … nor does the date of a report ("أفادت مصادر أمس الأربعاء"), unless it is the only one
    const all = findDates(tokens, s.tokenStart, s.tokenEnd, doc.meta.published, res.events).filter(
      (d) => !ctx.covers[d.start] && !(d.start > s.tokenStart && tokens[d.start - 1].stem === "منذ"),
    );
    const ofEvents = all.filter((d) => !isReportDate(ctx, d, s.tokenStart));
    return ofEvents.length ? ofEvents : all;
  };
  doc.sentences.forEach((s, si) => {
    if (doc.paragraphs[s.paragraph]?.kind === "subheading") return;
    // a sport or economy piece reports no conflict event; a conflict paragraph inside one only its background
    const scopeOf = (type: string) => eventScope(doc.meta.topic, s.paragraph, type, doc.meta.genre);
    // only triggers in their conflict sense, with conflict context in their sentence
    // (the sentence's context is read once, and only when a trigger needs it)
    let context: ContextFound | null = null;
    // a definite event noun that makes no event of its own may date one told before ("ووقع الهجوم أمس")
    const refer = (tr: Found) => dateByReference(ctx, out, tr, () => nearestDate(datesIn(s), tr.at), s.paragraph);
    const triggers = findTriggers(ctx, s.tokenStart, s.tokenEnd).filter((tr) => {
      if (scopeOf(tr.trigger.type) === "none" || otherSense(res.senses, tokens, tr.trigger, tr.at, tr.end, s.tokenStart, s.tokenEnd)) return false;
      if (hasConflictContext(tr.trigger.type, (context ??= contextIn(res.senses, sense, s.tokenStart, s.tokenEnd)))) return true;
      refer(tr);
      return false;
    });
    // tallies only where a trigger stands (the next sentence's on demand, in tollsAfter)
    const tallies = triggers.length ? talliesIn(ctx, s.tokenStart, s.tokenEnd) : [];
    if (triggers.length) tallied[si] = tallies;
    const dates = triggers.length ? datesIn(s) : [];
    let before: { fact: Factuality; end: number } | null = null;
    triggers.forEach((tr, k) => {
      const clauseStart = k > 0 ? triggers[k - 1].end : s.tokenStart;
      const clauseEnd = k + 1 < triggers.length ? triggers[k + 1].at : s.tokenEnd;
      const carried = lastDate?.get();
      const date = nearestDate(dates, tr.at) ?? (carried && carries(carried, s.paragraph, doc.meta.published) ? carried.date : null);
      if (date) lastDate = { get: () => ({ date, paragraph: s.paragraph }) };
      const places = narrowToContained(findPlaces(ctx, tr, clauseStart, clauseEnd, s.tokenStart, s.tokenEnd), () => placesIn(ctx, s.tokenStart, s.tokenEnd, tr.trigger.type), placeOf);
      if (!places.length) return refer(tr);
      // "باتفاق مع الفصائل" says how something happened, not that an agreement was made
      if (tr.trigger.type === "agreement" && /(^|\+)ب(\+|$)/.test(tokens[tr.at].pro)) return;
      const claim = reports.claimAround(si, tokens[tr.at].start, tokens[tr.at].end);
      // the source of the claim the trigger sits in spoke; it did not act
      const from = claim ? claimStart(ctx, claim, s.tokenStart, tr.at) : s.tokenStart;
      const national = tr.trigger.pos === "noun" ? nationalForce(tokens, tr.at, tr.end, s.tokenEnd, tr.trigger.type, res.gentilics, (k) => !!startsAt[k] || !!covers[k]) : null;
      let actor = (national && { name: surface(ctx, national.start, national.end), entity: null, start: national.start, end: national.end, category: "state_forces" }) ?? findActor(ctx, tr, from, s.tokenEnd, res.roles) ?? (claim ? speakerAsActor(ctx, claim, s.tokenStart, from, tr.trigger.type) : null);
      // no actor written: a verb's pronoun subject, or a pronoun earlier in the sentence ("بعد إعلانها …
      // إخراج"), refers to the latest actor
      // (a masdar's pronoun is the one acted on: "على الرغم من طرده")
      const pronoun = tr.trigger.actor.has("subj") && tr.trigger.pos === "verb" ? !(tokens[tr.at].enc && masdarUse(tokens, tr.at)) : tokens.slice(clauseOf(tokens, tr.at, s.tokenStart), tr.at).some((t) => t.enc === "ها" || t.enc === "هم");
      if (!actor && pronoun && lastActor && s.paragraph - lastActor.paragraph <= 1) actor = lastActor.actor;
      if (actor && !fitsActor(tr.trigger.type, actor)) return;
      // "قصف طائرات أف 16 التركية": a force of some kind whose nationality follows its make
      const tail = actor && !actor.entity && ctx.lex.actorHeads.has(tokens[actor.start].stem) ? nationalTail(tokens, actor.start, actor.end, s.tokenEnd, res.gentilics, (w) => ctx.functionWords.has(w)) : null;
      if (actor && tail) actor = { name: surface(ctx, actor.start, tail), entity: null, start: actor.start, end: tail, category: "state_forces" };
      // a trigger that needs an armed actor needs its own: the subject or genitive next to it
      const ownActor = actor && (actor.end <= tr.at ? tr.at - actor.end <= 1 : actor.start - tr.end <= 3);
      if (tr.trigger.actor.has("armed") && !(ownActor && armedActor(ctx, actor, res.roles))) return;
      // "أوقفت الخطوط رحلاتها": a stopping that acts on no one is no arrest
      if (tr.trigger.actor.has("person") && !actsOnPeople(ctx, tr, s.tokenEnd, res.roles, (w) => res.senses.context.get(w) === "suspect")) return;
      // no actor within the claim: its speaker, or the outlet it spoke to, still tells an opinion from an
      // event ("ما حصل في X" said to a paper, a preacher's "مواجهة هذا الفكر")
      if (!actor && from > s.tokenStart) {
        const near = nearestPartyBefore(ctx, from, s.tokenStart);
        if (near && !fitsActor(tr.trigger.type, near)) return;
      }
      // an agreement is made by a verb ("توصلوا إلى اتفاق", "وقعت"); the noun alone is mostly talk about one
      if (tr.trigger.type === "agreement" && tr.trigger.pos !== "verb" && tr.trigger.pos !== "phrase") return;
      // "التنظيم", "الطيران": the force of that kind named before; a force noun as trigger ("وقصف الطيران") is its own
      const bare = actor ?? (tr.trigger.pos === "noun" && ctx.lex.actorHeads.has(tokens[tr.at].stem) ? { name: surface(ctx, tr.at, tr.at + 1), entity: null, start: tr.at, end: tr.at + 1 } : null);
      const named = bare && resolveGeneric(tokens, bare, res.genericHeads, forces, entities);
      if (named?.entity || actor) actor = named;
      if (actor?.entity) forces.set(tokens[actor.start].stem, actor);
      if (actor) lastActor = { actor, paragraph: s.paragraph };
      const target = findTarget(ctx, tr, actor, from, clauseEnd, res.roles);
      const associates = findAssociates(ctx, tr, from, clauseEnd);
      const own = factualityOf(res.factuality, doc.text, tokens, tr.trigger, tr.at, s.tokenStart, claim, doc.paragraphs[s.paragraph]?.kind === "title");
      const fact = (own.cue ? null : sharedAim(tokens, tr.trigger, tr.at, before?.fact ?? null, before?.end ?? 0)) ?? own;
      before = { fact, end: tr.end };
      // a state of control or a habit is no happening
      if (!fact.modality) return;
      const modality = fact.modality;
      // a happening reacted to and not dated after it in its sentence is one told before, of an unknown
      // day (a date before it is the reaction's: "ندد العربي الثلاثاء بالقصف")
      const retold = (!dates.some((d) => d.start > tr.at) && toldBefore(ctx, tr.at, s.tokenStart, res.roles.reactions)) || (!dates.length && doc.paragraphs[s.paragraph]?.kind !== "title" && (namedByPlace(ctx, tr) || toldAsEarlier(ctx, s.tokenStart, tr.at)) && !announced(ctx, tr.at, s.tokenStart));
      const background = scopeOf(tr.trigger.type) === "background" || !!date?.background || hasBackgroundMarker(ctx, s.tokenStart, tr.at) || tokens[tr.at - 1]?.stem === "منذ" || retold;
      const several = places.filter((p) => actor?.entity !== p).length > 1;
      let first = true;
      for (const place of places) {
        if (actor?.entity === place) continue;
        const keepsToll = first;
        first = false;
        out.push({
        type: typeInContext(ctx, tr, s.tokenStart, s.tokenEnd),
        trigger: { start: tokens[tr.at].start, end: tokens[tr.end - 1].end, text: doc.text.slice(tokens[tr.at].start, tokens[tr.end - 1].end), token: tr.at },
        sentence: si,
        paragraph: s.paragraph,
        place,
        actor,
        target,
        associates,
        date,
        count: countAfterTrigger(ctx, tr.trigger.type, tr.at, tr.end, s.tokenStart, s.tokenEnd),
        fatalities: keepsToll ? tallyOf(tallies, "killed") : null,
        wounded: keepsToll ? tallyOf(tallies, "wounded") : null,
        tollShared: several && keepsToll,
        modality,
        modalityCue: fact.cue,
        background,
        claim,
      });
      }
    });
    // a sentence with dates and no event still dates the events after it ("قالت مصادر أمس …")
    if (!triggers.length) {
      const before = lastDate;
      let found: { date: DateExpr; paragraph: number } | null | undefined;
      lastDate = {
        get: () => {
          if (found !== undefined) return found;
          const d = datesIn(s)[0];
          return (found = d ? { date: d, paragraph: s.paragraph } : (before?.get() ?? null));
        },
      };
    }
  });
  assignResponsibility(ctx, out);
  tollsAfter(ctx, out, tallied);
  return out;
}

/**
 * "قتل ثلاثة جنود في هجوم على حاجز في العريش. ووقع الهجوم فجر أمس": a definite event noun with a date
 * and no place of its own names an event told before in its paragraph, and dates it when nothing else did.
 */
function dateByReference(ctx: Ctx, events: RawEvent[], tr: Found, dateOf: () => DateExpr | null, paragraph: number): void {
  if (tr.trigger.pos === "verb" || !hasArticle(ctx.tokens[tr.at].pro)) return;
  for (let k = events.length - 1; k >= 0 && events[k].paragraph === paragraph; k--) {
    const e = events[k];
    if (e.type !== tr.trigger.type) continue;
    const date = e.date ? null : dateOf();
    if (date) for (const same of events) if (same.trigger.start === e.trigger.start) [same.date, same.background] = [date, same.background || date.background];
    return;
  }
}

/**
 * "تبنى تنظيم داعش الهجوم", "أعلن التنظيم مسؤوليته عن التفجير": the group claiming an attack is the
 * actor of the explosions and attacks of its paragraph (and the one before) that have none.
 */
/** How many paragraphs back a date still governs an undated event. */
const DATE_REACH = 1;

/**
 * Whether a date found earlier governs an undated event in paragraph `p`: within its paragraph always;
 * from the paragraph before only a day already past ("أمس", "الأحد", "17 يوليو"): a coming date there
 * makes no event a plan, and a year or month of history does not date the news that follows it.
 */
function carries(found: { date: DateExpr; paragraph: number }, p: number, published: string | null): boolean {
  if (found.paragraph === p) return true;
  return p - found.paragraph <= DATE_REACH && found.date.precision === "day" && !!found.date.date && (!published || found.date.date <= published);
}

function assignResponsibility(ctx: Ctx, events: RawEvent[]): void {
  const { tokens, doc } = ctx;
  doc.sentences.forEach((s) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = tokens[k];
      const noun = RESPONSIBILITY_NOUNS.has(t.stem) || RESPONSIBILITY_NOUNS.has(t.norm);
      if (!noun && !RESPONSIBILITY.has(t.stem)) continue;
      // "نفت الحركة مسؤوليتها", "لم تعلن أي جهة مسؤوليتها": no one claimed it
      if (disowned(ctx, k, s.tokenStart)) continue;
      let actor: ActorPhrase | null = null;
      // "تبنى بعضها تنظيم داعش": the group may come a word or two after the verb
      if (!noun) for (let j = k + 1; j < Math.min(s.tokenEnd, k + 4) && !actor; j++) actor = actorAt(ctx, j, s.tokenEnd);
      actor ??= nearestActorBefore(ctx, k, s.tokenStart);
      if (!actor) continue;
      for (const e of events) {
        if (!e.actor && (e.type === "explosion" || e.type === "attack_civilians" || e.type === "armed_clash") && (e.paragraph === s.paragraph || e.paragraph === s.paragraph - 1)) e.actor = actor;
      }
      return;
    }
  });
}

/**
 * "وقع انفجار في السوق. وأسفر عن مقتل 5 أشخاص": a toll in the next sentence of the paragraph, one that
 * reports no event of its own, belongs to the events of the sentence before that have none.
 */
function tollsAfter(ctx: Ctx, events: RawEvent[], tallied: Tally[][]): void {
  const { doc } = ctx;
  const withEvents = new Set(events.map((e) => e.sentence));
  const seen = new Set<number>();
  for (const e of events) {
    // a trigger over several places keeps its toll once, on the first place's event
    if (seen.has(e.trigger.start)) continue;
    seen.add(e.trigger.start);
    if (e.fatalities && e.wounded) continue;
    const next = e.sentence + 1;
    if (withEvents.has(next) || doc.sentences[next]?.paragraph !== e.paragraph) continue;
    const s = doc.sentences[next];
    const tallies = (tallied[next] ??= talliesIn(ctx, s.tokenStart, s.tokenEnd));
    e.fatalities ??= tallyOf(tallies, "killed");
    e.wounded ??= tallyOf(tallies, "wounded");
  }
}

const RESPONSIBILITY = new Set(["تبني", "تبنت", "تبنوا", "يتبني", "تبناه", "تبناها", "تبناهما"]);
/** "أعلن التنظيم مسؤوليته": the noun, as the tokenizer leaves it (hamza kept, suffix off) and whole. */
const RESPONSIBILITY_NOUNS = new Set(["مسؤولية", "مسئولية", "مسؤوليته", "مسؤوليتها", "مسؤوليتهم"].map(normalize));

/** A negation or a denial before the word at k in its sentence ("نفت الحركة مسؤوليتها"). */
function disowned(ctx: Ctx, k: number, from: number): boolean {
  for (let i = k - 1; i >= Math.max(from, k - 6); i--) {
    const kind = ctx.res.factuality.words.get(ctx.tokens[i].stem)?.kind;
    if (kind === "negation" || kind === "denial") return true;
  }
  return false;
}

interface Found {
  at: number;
  end: number;
  trigger: Trigger;
}

function findTriggers(ctx: Ctx, from: number, to: number): Found[] {
  return scanLexicon(ctx, from, to, ctx.lex.phrases, (t, i) => {
    const cands = ctx.lex.triggersOf.get(t);
    // a verb takes a conjunction or the future prefix; a noun the article and prepositions too
    // (a verb whose masdar is spelled alike and names a happening — قصف، توغل, data/events/masdar-triggers.txt —, read as that
    // noun after the article or a preposition when words tie it to a happening — "في القصف الإسرائيلي",
    // "القصف على بيت حانون" —, not alone: "رغم القصف")
    const trigger = cands?.find((c) => c.pos !== "verb" || /^(|و|ف|س|و\+س|ف\+س)$/.test(t.pro)) ?? (cands && tiedAfter(ctx, i, to) ? masdar(cands.find((c) => c.pos === "verb" && ctx.lex.masdars.has(c.lemma) && !/س/.test(t.pro))) : undefined);
    // a word inside a listed name is no trigger ("مطار", "قوات"): only outside entity mentions
    if (!trigger || (ctx.covers[i] && ctx.covers[i]!.entity.type !== "LOC")) return undefined;
    return trigger;
  }, (at, end, trigger) => ({ at, end, trigger }));
}

/** Whether a word follows token i in the clause (not "و"): what ties a masdar to a happening. */
function tiedAfter(ctx: Ctx, i: number, to: number): boolean {
  const next = ctx.tokens[i + 1];
  return i + 1 < to && next.kind === "word" && !next.pro.startsWith("و");
}

/** The noun reading of a verb row whose masdar is spelled alike (one per row). */
const masdars = new WeakMap<Trigger, Trigger>();
function masdar(verb: Trigger | undefined): Trigger | undefined {
  if (!verb) return undefined;
  let noun = masdars.get(verb);
  if (!noun) masdars.set(verb, (noun = { ...verb, pos: "noun" }));
  return noun;
}

const isBroad = (e: WorkEntity): boolean =>
  (!!e.places?.length && e.places.every((p) => p.place.kind === "country" || p.place.kind === "region")) || e.name.startsWith("دول ") || e.head?.kind === "countryside";

/** A place head standing before a place's name ("مدينة", "محافظة", "بلدة"). */
const isHeadWord = (ctx: Ctx, k: number): boolean => ctx.res.heads.get(ctx.tokens[k].stem)?.type === "LOC";

/**
 * The places: the first one the trigger's preposition introduces, else the nearest after it, else one
 * just before it; then the places coordinated with it ("على مدينة حلب، ثم حماة", "على درعا … فضلاً عن
 * السويداء"). A country or a broad region counts only when the trigger's own preposition introduces
 * it, and never for taking or leaving ground ("سيطر داعش على مناطق في العراق" is no event in Iraq).
 */
function findPlaces(ctx: Ctx, tr: Found, clauseStart: number, clauseEnd: number, from: number, to: number): WorkEntity[] {
  const { tokens } = ctx;
  const preps = tr.trigger.placePreps;
  // a country or region is the place only of strikes across borders ("غارات على العراق")
  const crossBorder = tr.trigger.type === "airstrike" || tr.trigger.type === "shelling";
  const acceptable = (e: WorkEntity, fits: boolean): boolean => !isBroad(e) || (fits && crossBorder);
  let fallback: { e: WorkEntity; k: number } | null = null;
  const limit = Math.min(to, Math.max(clauseEnd, tr.end + 1), tr.end + PLACE_REACH);
  for (let k = tr.end; k < limit; k++) {
    const m = ctx.startsAt[k];
    if (!m || (m.entity.type !== "LOC" && m.entity.type !== "FAC") || m.entity.noPlace) continue;
    const t = tokens[k];
    // the preposition stands before the place's head word, if it has one ("على مدينة حلب")
    // an origin, a destination or a hometown is not where it happened
    const b = m.entity.headText && k >= 2 && tokens[k - 1].kind === "word" && !tokens[k - 1].pro.startsWith("و") && isHeadWord(ctx, k - 1) ? k - 1 : k;
    if (offEventPlace(tokens, b, tr.trigger.type, ctx.res.placeMarkers)) continue;
    const prev = m.entity.headText && k >= 2 && tokens[k - 1].kind === "word" && !tokens[k - 1].pro.startsWith("و") && isHeadWord(ctx, k - 1) ? tokens[k - 2] : tokens[k - 1];
    const own = prev === tokens[k - 1] ? t : tokens[k - 1];
    const attached = own.pro.replace(/\+?ال$/, "").replace(/^و\+?/, "");
    // the object right after the verb, or after the verb and its subject ("قصفت طائرات النظام بلدة كفرنبل")
    const object = k === tr.end || (tr.trigger.pos === "verb" && b > tr.end && actorAt(ctx, tr.end, b)?.end === b);
    const prep = attached || (prev && prev.kind === "word" && LOCATIVE_PREPS.has(prev.stem) ? prev.stem : object ? "obj" : "");
    // the trigger's own prepositions; any locative one for events that do not move from place to place
    const fits = !!prep && (!preps.size || preps.has(prep) || (prep === "ب" && preps.has("في")) || (tr.trigger.type !== "withdraw" && (LOCATIVE_PREPS.has(prep) || prep === "ب")));
    if (fits && acceptable(m.entity, true)) return including(ctx, m.end, limit) ?? [m.entity, ...coordinated(ctx, m.end, to)];
    // a place in a party's role is no location: "مع طهران", a verb's subject ("تقدمت موسكو بمشروع")
    const party = (prev?.kind === "word" && PARTY_PREPS.has(prev.stem)) || (prep === "obj" && tr.trigger.pos === "verb" && !preps.has("obj"));
    if (!fallback && !party && acceptable(m.entity, false)) fallback = { e: m.entity, k: m.end };
  }
  if (fallback) return [fallback.e];
  if (objectNotPlace(tokens, tr, { covers: ctx.covers, heads: ctx.res.heads, ground: ctx.res.groundObjects, functionWords: ctx.functionWords })) return [];
  for (let k = tr.at - 1; k >= Math.max(from, clauseStart - 3, tr.at - 6); k--) {
    const m = ctx.covers[k];
    if (m && (m.entity.type === "LOC" || m.entity.type === "FAC") && !m.entity.noPlace && acceptable(m.entity, false) && !offEventPlace(tokens, m.start, tr.trigger.type, ctx.res.placeMarkers)) return [m.entity];
  }
  return [];
}

/** The places named in tokens [from, to), in reading order, without origins, destinations and hometowns. */
function placesIn(ctx: Ctx, from: number, to: number, type: EventType): WorkEntity[] {
  const out: WorkEntity[] = [];
  for (let k = from; k < to; k++) {
    const m = ctx.startsAt[k];
    if (m && (m.entity.type === "LOC" || m.entity.type === "FAC") && !m.entity.noPlace && !out.includes(m.entity) && !offEventPlace(ctx.tokens, k, type, ctx.res.placeMarkers)) out.push(m.entity);
  }
  return out;
}

/** "مناطق إلى الشمال من عدن منها البساتين وقرية الفلاحي": the places listed after منها are the event's. */
function including(ctx: Ctx, from: number, limit: number): WorkEntity[] | null {
  for (let k = from; k < limit; k++) {
    const t = ctx.tokens[k];
    if (t.kind === "punct" && ctx.text[t.start] !== "،") return null;
    if (t.kind === "word" && INCLUDING.has(t.norm.replace(/^و/, ""))) {
      const m = ctx.startsAt[k + 1] ?? (ctx.tokens[k + 1]?.kind === "punct" ? ctx.startsAt[k + 2] : undefined);
      if (!m || (m.entity.type !== "LOC" && m.entity.type !== "FAC")) return null;
      return [m.entity, ...coordinated(ctx, m.end, limit + 8)];
    }
  }
  return null;
}

const INCLUDING = new Set(["منها", "بينها", "منهما", "ومنها", "ابرزها", "اهمها"]);

/** Places joined to the one ending at `end` by و، ثم، فضلا عن، إضافة إلى, or a comma. */
function coordinated(ctx: Ctx, end: number, to: number): WorkEntity[] {
  const out: WorkEntity[] = [];
  let k = end;
  while (k < to) {
    // skip a description of the place before the next one ("درعا جنوب البلاد")
    let j = k;
    while (j < to && j - k < 4 && !ctx.startsAt[j] && !(ctx.tokens[j].kind === "word" && JOINERS.has(ctx.tokens[j].stem)) && !(ctx.tokens[j].kind === "punct" && ctx.text[ctx.tokens[j].start] === "،")) j++;
    const t = ctx.tokens[j];
    if (!t) break;
    let n = j;
    if (t.kind === "punct" && ctx.text[t.start] === "،") n++;
    while (n < to && ctx.tokens[n].kind === "word" && JOINERS.has(ctx.tokens[n].stem) && !ctx.startsAt[n]) n++;
    const m = ctx.startsAt[n] ?? (ctx.tokens[n]?.pro.startsWith("و") ? ctx.startsAt[n] : undefined);
    if (n === j && !(ctx.tokens[n]?.pro ?? "").startsWith("و")) break;
    if (!m || (m.entity.type !== "LOC" && m.entity.type !== "FAC") || isBroad(m.entity)) break;
    out.push(m.entity);
    k = m.end;
  }
  return out;
}

const JOINERS = new Set(["ثم", "فضلا", "عن", "اضافه", "الي", "كذلك", "و"]);

/** The nearest actor phrase of any kind before token `at` in the sentence. */
function nearestPartyBefore(ctx: Ctx, at: number, from: number): ActorPhrase | null {
  for (let k = at - 1; k >= from; k--) {
    const a = actorAt(ctx, k, at);
    if (a && a.entity?.type !== "LOC") return a;
  }
  return null;
}

/**
 * "قالت المقاومة الشعبية إنها سيطرت على حي الزنوج", "أعلنت السعودية أن طائراتها قصفت": where the claim
 * opens with a pronoun that takes up its source (إنها، أنه، إنهم), or with a force noun that is the
 * source's own (قواتها، طائراتها، جيشه، مقاتليه), and the claim names no actor, the one that spoke is the
 * one that acted: an organisation, or a country (or its capital, "قالت طهران") named in the sentence
 * before the claim, where such a party can do what the trigger says.
 */
function speakerAsActor(ctx: Ctx, c: Claim, sentenceStart: number, claimFrom: number, type: EventType): ActorPhrase | null {
  const opener = ctx.tokens[claimFrom - 1], first = ctx.tokens[claimFrom];
  const pronoun = opener?.kind === "word" && /^ان(ه|ها|هم|هما)$/.test(opener.norm);
  const ownForce = first?.kind === "word" && /^(ه|ها|هم|هما)$/.test(first.enc) && (ctx.lex.actorHeads.has(first.stem) || OWN_FORCES.has(first.stem));
  if (!(pronoun || ownForce) || !c.source.entity) return null;
  for (let k = sentenceStart; k < claimFrom - 1; k++) {
    const m = ctx.startsAt[k];
    if (!m || m.entity.id !== c.source.entity) continue;
    const party = m.entity.type === "ORG" || (ownForce && standsForState(m.entity));
    const a: ActorPhrase = { name: surface(ctx, m.start, m.end), entity: m.entity, start: m.start, end: m.end };
    return party && fitsActor(type, a) ? a : null;
  }
  return null;
}

/** A party's own means of force, besides the heads of actor phrases: "طائراتها", "مدفعيته", "بوارجها". */
const OWN_FORCES = new Set(["طائرة", "طائرات", "مقاتلات", "مدفعية", "بوارج", "سفن", "دبابات", "صواريخ", "طيران"]);

/** The first token of what a claim says, within the sentence. */
function claimStart(ctx: Ctx, c: Claim, from: number, at: number): number {
  let k = at;
  while (k > from && ctx.tokens[k - 1].start >= c.start) k--;
  return k;
}

/** A date right after a verb of saying and its subject ("أفادت مصادر امنية امس الاربعاء"). */
function isReportDate(ctx: Ctx, d: DateExpr, from: number): boolean {
  for (let k = d.start - 1; k >= Math.max(from, d.start - 6); k--) if (ctx.res.speechVerbs.has(ctx.tokens[k].stem)) return true;
  return false;
}

/** The date expression nearest the trigger; a day before a month, a month before a year. */
function nearestDate(dates: DateExpr[], at: number): DateExpr | null {
  let best: DateExpr | null = null;
  let dist = Infinity;
  for (const d of dates) {
    const gap = (d.start >= at ? d.start - at : at - d.end) + (d.precision === "day" ? 0 : d.precision === "month" ? 20 : 40);
    if (gap < dist) {
      best = d;
      dist = gap;
    }
  }
  return best;
}

/** Attack words that an explosion in their sentence makes an explosion. */
const ATTACKS = new Set(["هجوم", "هاجم"]);

/** "هجوم … بسيارة مفخخة", "هاجم انتحاريان": an attack with explosives or by suicide bombers is an explosion. */
function typeInContext(ctx: Ctx, tr: Found, from: number, to: number): EventType {
  // "قصفت طائرات التحالف": shelling from the air is an airstrike
  if (tr.trigger.type === "shelling" && byAircraft(ctx.res.senses, ctx.tokens, tr.at, tr.end, from, to)) return "airstrike";
  if (tr.trigger.type !== "armed_clash" || !ATTACKS.has(tr.trigger.lemma)) return tr.trigger.type;
  for (let k = from; k < to; k++) {
    const c = ctx.lex.triggers.get(ctx.tokens[k].stem);
    if (c?.some((x) => x.type === "explosion")) return "explosion";
  }
  return tr.trigger.type;
}

/** "وكان", "وكانت": a sentence opening so tells what had happened before the news (the pluperfect). */
const EARLIER = new Set(["كان", "كانت", "كانوا", "كانا"]);

/** Whether the sentence starting at `from` opens with "وكان(ت) …" before the trigger at `at`. */
function toldAsEarlier(ctx: Ctx, from: number, at: number): boolean {
  const t = ctx.tokens[from];
  return at > from && t.kind === "word" && t.pro === "و" && EARLIER.has(t.stem);
}

/** Whether a verb of saying stands before token `at` in its sentence ("أعلن الجيش تحرير المدينة": news of the day). */
function announced(ctx: Ctx, at: number, from: number): boolean {
  for (let k = at - 1; k >= from; k--) if (ctx.res.speechVerbs.has(ctx.tokens[k].stem)) return true;
  return false;
}

function hasBackgroundMarker(ctx: Ctx, from: number, at: number): boolean {
  for (let k = from; k < at; k++) {
    const w = ctx.lex.time.get(ctx.tokens[k].stem) ?? ctx.lex.time.get(tokenKey(ctx.tokens[k]));
    if (w?.kind === "background") return true;
  }
  return false;
}

export { surface };
