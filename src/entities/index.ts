/**
 * The entities stage: people, organisations, places and facilities, each once, with every mention.
 * Public face of src/entities.
 */
import type { MarsadDocument, Token } from "../document.js";
import type { Gazetteer } from "../geo/gazetteer.js";
import type { Stage } from "../pipeline.js";
import type { CliticSegmenter } from "../text/clitics.js";
import { enrichTokens } from "../text/index.js";
import { tokenize } from "../text/tokenize.js";
import { tokenKey } from "../text/keys.js";
import type { ActorIndex } from "./actors.js";
import { buildEntities, type WorkEntity } from "./coref.js";
import type { EntityLexicons } from "./lexicons.js";
import { combineMentions } from "./combine.js";
import { Recognizer, type Mention } from "./recognize.js";
import { NameTagger } from "./tagger/index.js";

export { ActorIndex, type Actor } from "./actors.js";
export { loadEntityLexicons, type EntityLexicons } from "./lexicons.js";
export type { WorkEntity } from "./coref.js";
export { NameTagger } from "./tagger/index.js";

export interface EntityResources {
  segmenter: CliticSegmenter;
  actors: ActorIndex;
  gazetteer: Gazetteer;
  entityLexicons: EntityLexicons;
  recognizer: Recognizer;
  /** The name tagger; null when no model file is installed (then the lists and rules work alone). */
  tagger: NameTagger | null;
}

export function createRecognizer(actors: ActorIndex, gazetteer: Gazetteer, lex: EntityLexicons): Recognizer {
  return new Recognizer({ actors, gazetteer, lex });
}

/** The name tagger with the committed model (data/ner/tagger.bin), or null without one. */
export function createTagger(actors: ActorIndex, gazetteer: Gazetteer, lex: EntityLexicons): NameTagger | null {
  return NameTagger.load({ actors, gazetteer, lex });
}

export const entitiesStage: Stage<EntityResources> = {
  name: "entities",
  requires: ["tokens", "sentences"],
  provides: ["entities"],
  run(doc: MarsadDocument, res: EntityResources): void {
    const { text, tokens, sentences } = doc;
    const mentions: Mention[] = [];
    const keys = tokens.map(tokenKey);
    sentences.forEach((s, k) => {
      const rules = res.recognizer.recognize(text, tokens, s.tokenStart, s.tokenEnd, k, keys);
      const model = res.tagger ? res.tagger.tag(text, tokens, keys, s.tokenStart, s.tokenEnd, rules) : null;
      mentions.push(...combineMentions(rules, model, tokens, s.tokenStart, s.tokenEnd, res.entityLexicons, k));
    });
    // The dateline is no paragraph, but its place and outlet are entities of the article.
    const all = [...tokens];
    const d = doc.meta.dateline;
    if (d) {
      const extra: Token[] = [];
      enrichTokens(text, tokenize(text, d.start, d.end), res.segmenter, extra);
      const from = all.length;
      all.push(...extra);
      for (const m of res.recognizer.recognize(text, all, from, all.length, -1)) mentions.push({ ...m, rule: m.rule });
    }
    const kept = keepSupportedWeakPlaces(mentions);
    const tokenSentence = new Int32Array(all.length).fill(-1);
    sentences.forEach((s, k) => tokenSentence.fill(k, s.tokenStart, s.tokenEnd));
    doc.entities = buildEntities(text, all, kept, res.entityLexicons, (i) => tokenSentence[i]);
  },
};

/** Weak place mentions (see Mention.weak) stay only when a firm place of the same country is named. */
function keepSupportedWeakPlaces(mentions: Mention[]): Mention[] {
  const countries = new Set<string>();
  for (const m of mentions) if (!m.weak) for (const p of m.places ?? []) countries.add(p.place.country);
  return mentions.filter((m) => !m.weak || m.places?.some((p) => countries.has(p.place.country)));
}

/** The entities with their working fields (for later stages in the same pipeline). */
export const workEntities = (doc: MarsadDocument): WorkEntity[] => doc.entities as WorkEntity[];
