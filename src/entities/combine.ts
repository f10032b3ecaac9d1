/**
 * Where the lists, the rules and the tagger meet: ONE decision per sentence, in this order.
 *  1. A listed place that is a common word split at a clitic ("كبيرا" → بيرا) is dropped unless the
 *     context asks for a place (false-names.ts).
 *  2. A listed actor or place keeps its record — unless the tagger rejects it: a one-word minor place
 *     that is also an ordinary word, with no place head or locative word before it, where the tagger
 *     sees no name at all, is dropped ("في إطار" is settled by data/lexicon/not-names.tsv); a
 *     place the tagger reads as part of a longer organisation's name ("ريال مدريد"), or as an
 *     organisation in a sport sentence (a club: "فاز برشلونة"), becomes that organisation.
 *  3. Where the tagger reads one person's name across the rules' mentions (a title rule's "جاك" and the
 *     listed place "شيراك"), they become one person with the tagger's extent (personsFromModel).
 *     A name the contextual rules found (head, title, given name) stands where the tagger also sees a
 *     name there, and takes the tagger's fuller extent when the tagger's name of the same type holds it
 *     ("محمد علي العظمي" for a rule's "محمد"), or its shorter one where the given-name rule ran on past
 *     the name; a person the rules made of a given name and an ordinary word, that the tagger sees
 *     nothing in ("وعلي الرغم"), is dropped (not "فاطمة الزهراني").
 *  4. A name the tagger found where no list or rule found anything is added (source "model"), cut
 *     before the first word that cannot continue it ("أرسنال يمدد" → أرسنال; see breaksName), unless
 *     what is left is ordinary indefinite words ("حزب معارض"), a lone given name (Marsad names a person
 *     by a full name), a nationality, or not made of words (an e-mail, a hashtag).
 * Without a tagger (no model file), only 1 applies.
 */
import type { Token } from "../document.js";
import { hasArticle } from "../text/keys.js";
import { isFalsePlace, placeDemanded } from "./false-names.js";
import type { EntityLexicons } from "./lexicons.js";
import { NAME_CONNECTORS, type Mention } from "./recognize.js";
import type { TaggedSpan } from "./tagger/index.js";

/** Places the tagger may not veto: states, provinces and large cities. */
const MAJOR_KINDS = new Set(["country", "admin1", "admin2"]);
const MAJOR_POPULATION = 100_000;
const isMajor = (m: Mention): boolean => !!m.places?.some((p) => MAJOR_KINDS.has(p.place.kind) || p.place.population >= MAJOR_POPULATION);

/** Whether the sentence speaks of sport (data/lexicon/sport-words.txt). */
function isSport(tokens: Token[], from: number, to: number, lex: EntityLexicons): boolean {
  for (let i = from; i < to; i++) if (tokens[i].kind === "word" && lex.sportWords.has(tokens[i].stem)) return true;
  return false;
}

const overlaps = (a: { tokenStart: number; tokenEnd: number }, b: { tokenStart: number; tokenEnd: number }): boolean =>
  a.tokenStart < b.tokenEnd && b.tokenStart < a.tokenEnd;

/** Whether a word of the mention is ordinary vocabulary (not a given name): "وعلي الرغم", "صباح غد". */
function hasOrdinaryWord(m: Mention, tokens: Token[], lex: EntityLexicons): boolean {
  for (let k = m.tokenStart; k < m.tokenEnd; k++) {
    const t = tokens[k];
    if (t.kind !== "word" || isOrdinary(t, lex) || lex.functionWords.has(t.norm)) return true;
  }
  return false;
}

/** Whether a one-token mention's word is ordinary vocabulary (a common word, a given name, a particle). */
function isOrdinary(t: Token, lex: EntityLexicons): boolean {
  return lex.common.has(t.stem) || lex.functionWords.has(t.stem) || lex.common.has(t.norm);
}

/** Which contextual rules the tagger may veto where it sees no name (see 3 above). */
export interface CombinePolicy {
  veto: ReadonlySet<string>;
  extend: boolean;
}

export const DEFAULT_POLICY: CombinePolicy = { veto: new Set(["given-name", "kunya"]), extend: true };

/**
 * The mentions of one sentence (tokens [from, to)) from the recogniser's `rules` and the tagger's
 * `model` spans, in token order. Persons only take the tagger's fuller extent: an organisation's or a
 * place's extent is the rules' (the head phrase), which the tagger's corpus draws otherwise.
 */
export function combineMentions(rules: readonly Mention[], model: readonly TaggedSpan[] | null, tokens: Token[], from: number, to: number, lex: EntityLexicons, sentence: number, policy: CombinePolicy = DEFAULT_POLICY): Mention[] {
  const out: Mention[] = [];
  let sport: boolean | undefined;
  if (!model) return rules.filter((m) => !isFalsePlace(m, tokens, from, lex));
  for (const m of personsFromModel(rules, model, tokens, lex)) {
    if (isFalsePlace(m, tokens, from, lex)) continue;
    const seen = model.filter((s) => overlaps(s, m));
    if (m.source === "list" && m.rule === "gazetteer") {
      if (!seen.length && m.tokenEnd - m.tokenStart === 1 && isOrdinary(tokens[m.tokenStart], lex) && !isMajor(m) && !placeDemanded(tokens, m.tokenStart, from, lex)) continue;
      const org = seen.find((s) => (s.type === "ORG" || s.type === "PER") && s.tokenStart <= m.tokenStart && s.tokenEnd >= m.tokenEnd);
      if (org && (org.tokenEnd - org.tokenStart > m.tokenEnd - m.tokenStart || (org.type === "ORG" && (sport ??= isSport(tokens, from, to, lex))))) {
        if (!rules.some((r) => r !== m && overlaps(r, org))) out.push(fromModel(org, sentence));
        continue;
      }
    }
    if (m.source === "context") {
      // (a name made only of a given name and words no vocabulary holds stands: "سلمى اللومي")
      if (!seen.length && policy.veto.has(m.rule) && hasOrdinaryWord(m, tokens, lex)) continue;
      // a person's name the given-name rule ran on past, onto ordinary words ("دان غيلرمان هجوما عنيفا"), ends where the tagger's does
      const shorter = m.type === "PER" && m.rule === "given-name" ? seen.find((s) => s.type === "PER" && s.tokenStart === m.tokenStart && s.tokenEnd < m.tokenEnd && breaksName(tokens[s.tokenEnd], "PER", lex)) : undefined;
      if (shorter) {
        out.push({ ...m, tokenEnd: shorter.tokenEnd });
        continue;
      }
      const fuller = policy.extend && m.type === "PER" ? seen.find((s) => s.type === m.type && s.tokenStart <= m.tokenStart && s.tokenEnd >= m.tokenEnd && s.tokenEnd - s.tokenStart > m.tokenEnd - m.tokenStart) : undefined;
      if (fuller && !rules.some((r) => r !== m && overlaps(r, fuller))) {
        out.push({ ...m, tokenStart: fuller.tokenStart, tokenEnd: fuller.tokenEnd });
        continue;
      }
    }
    out.push(m);
  }
  for (const s of model) {
    const name = trimmed(s, tokens, lex);
    if (out.some((m) => overlaps(m, name)) || rules.some((m) => overlaps(m, name)) || !mayStandAlone(name, tokens, lex)) continue;
    out.push(fromModel(name, sentence));
  }
  return out.sort((a, b) => a.tokenStart - b.tokenStart);
}

/**
 * Where the tagger reads one person's name across the rules' mentions, the person takes the tagger's
 * extent: a title or given-name rule that stopped short before a listed place ("جاك" of "جاك شيراك")
 * or ran on past the name (see onlyRunOn), a listed actor inside a fuller name, and listed places inside a
 * longer name that a rule or a given name marks as a person's become one mention. Mentions of any other
 * kind, or words the tagger leaves out that may be part of a name, keep the rules' reading.
 */
function personsFromModel(rules: readonly Mention[], model: readonly TaggedSpan[], tokens: Token[], lex: EntityLexicons): readonly Mention[] {
  let out: Mention[] | null = null;
  for (const raw of model) {
    if (raw.type !== "PER") continue;
    const s = trimmed(raw, tokens, lex);
    const within = rules.filter((r) => overlaps(r, s));
    const person = within.find((r) => r.type === "PER" && r.source === "list") ?? within.find((r) => r.type === "PER");
    if (!person && !lex.givenNames.has(tokens[s.tokenStart].stem)) continue;
    if (!within.length || (within.length === 1 && within[0].type === "PER" && within[0].tokenStart === s.tokenStart && within[0].tokenEnd === s.tokenEnd)) continue;
    const fits = within.every((r) => {
      const inside = r.tokenStart >= s.tokenStart && r.tokenEnd <= s.tokenEnd;
      if (r.type === "PER" && r.source === "context") return inside || onlyRunOn(tokens, r, s, lex);
      if (r.type === "PER") return inside;
      // a listed place inside a longer personal name ("جاك شيراك"), or a minor place that is also a given name the tagger reads as a person
      return r.rule === "gazetteer" && inside && (s.tokenEnd - s.tokenStart > r.tokenEnd - r.tokenStart || !isMajor(r));
    });
    if (!fits) continue;
    const merged: Mention = person ? { ...person, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd } : fromModel(s, within[0].sentence);
    out = (out ?? [...rules]).filter((r) => !within.includes(r));
    out.push(merged);
  }
  return out ? out.sort((a, b) => a.tokenStart - b.tokenStart) : rules;
}

/**
 * Whether the words of mention r outside span s are no part of the person's name: after it, words that
 * end a name (a rule's run-on: "مساعد"; not "الحاج"); before it, a given name that also reads as a
 * preposition and an ordinary word ("عرفت نفسها باسم لينا": by the name of; not "عمر", "جهاد").
 */
function onlyRunOn(tokens: Token[], r: Mention, s: TaggedSpan, lex: EntityLexicons): boolean {
  for (let k = r.tokenStart; k < r.tokenEnd; k++) {
    const t = tokens[k];
    if (k >= s.tokenEnd ? !breaksName(t, "PER", lex) : k < s.tokenStart && !(/^[بلك]/.test(t.norm) && lex.common.has(t.norm.slice(1)))) return false;
  }
  return true;
}

/**
 * Whether a word inside a tagger's name ends it. In a person's name: a particle (not an ordinal with the
 * article, "الثاني"), or an ordinary word without the article that joins no name ("يمدد", "حصولا"; not
 * "بن", "أبو", "ولد"). An organisation's or a place's name is made of ordinary words, so only a particle
 * or a verb-like or accusative bare word ("يعيد", "حصولا") ends it.
 */
function breaksName(t: Token, type: string, lex: EntityLexicons): boolean {
  if (t.kind !== "word") return true;
  const article = t.pro === "ال";
  if (lex.functionWords.has(t.stem)) return !article;
  if (article || lex.givenNames.has(t.stem) || NAME_CONNECTORS.has(t.stem) || t.stem === "ولد") return false;
  const w = t.norm;
  const accusative = w.endsWith("ا") && lex.common.has(w.slice(0, -1));
  const ordinary = lex.common.has(t.stem) || accusative;
  return ordinary && (type === "PER" || (!t.pro && (accusative || /^[يتن]/.test(t.stem))));
}

/** A tagger's name cut before the first word that ends it (see 4 above). */
function trimmed(s: TaggedSpan, tokens: Token[], lex: EntityLexicons): TaggedSpan {
  let end = s.tokenStart + 1;
  while (end < s.tokenEnd && !breaksName(tokens[end], s.type, lex)) end++;
  return end === s.tokenEnd ? s : { ...s, tokenEnd: end };
}

/** Whether a name only the tagger found is worth a mention: words only, and more than one ordinary word. */
function mayStandAlone(s: TaggedSpan, tokens: Token[], lex: EntityLexicons): boolean {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (tokens[k].kind !== "word") return false;
  const first = tokens[s.tokenStart];
  if (lex.functionWords.has(first.stem) || first.enc) return false;
  if (s.tokenEnd - s.tokenStart > 1) {
    // "حزب معارض" (an opposition party) describes, it does not name
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (hasArticle(tokens[k].pro) || !isOrdinary(tokens[k], lex)) return true;
    return false;
  }
  return !(isOrdinary(first, lex) || lex.givenNames.has(first.stem) || lex.gentilics.has(first.stem));
}

const fromModel = (s: TaggedSpan, sentence: number): Mention => ({ tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, type: s.type, source: "model", rule: "model", sentence });
