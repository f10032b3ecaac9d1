/**
 * The relevance stage: what an article is about (`meta.topic`), so that sport, economy, culture and
 * society pieces yield no conflict events even where their words are triggers; and whether it is news or
 * an opinion column (`meta.genre`), whose events are background. Public face of src/relevance.
 */
import type { MarsadDocument } from "../document.js";
import { workEntities } from "../entities/index.js";
import type { Stage } from "../pipeline.js";
import type { TopicLexicon } from "./lexicon.js";
import { genreOf, type OpinionSection } from "./genre.js";
import { scoreTopic } from "./topic.js";

export { loadTopicLexicon, TOPICS, type TopicLexicon } from "./lexicon.js";
export { eventScope, scoreTopic } from "./topic.js";
export { genreOf, loadOpinionSections, type OpinionSection } from "./genre.js";

export interface RelevanceResources {
  topics: TopicLexicon;
  opinionSections: readonly OpinionSection[];
}

export const relevanceStage: Stage<RelevanceResources> = {
  name: "relevance",
  requires: ["sentences", "entities"],
  provides: ["topic", "genre"],
  run(doc: MarsadDocument, res: RelevanceResources): void {
    doc.meta.topic = scoreTopic(doc, res.topics, workEntities(doc));
    doc.meta.genre = genreOf(doc.meta, res.opinionSections);
  },
};
