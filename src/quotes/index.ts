/** The quotes stage: direct quotes with speakers, claims with sources. Public face of src/quotes. */
import { dataPath } from "../data-dir.js";
import type { MarsadDocument } from "../document.js";
import { workEntities, type EntityLexicons } from "../entities/index.js";
import type { Stage } from "../pipeline.js";
import { normalize } from "../text/normalize.js";
import { readList } from "../util/tsv.js";
import { attribute } from "./attribute.js";
import type { AttributionResources } from "./context.js";
import { loadReportingLexicon } from "./lexicon.js";
import { loadSpeakerRules } from "./speaker-rules.js";
import { loadClaimFrames } from "./claim-frames.js";

export { loadReportingLexicon, type ReportingLexicon } from "./lexicon.js";
export type { AttributionResources } from "./context.js";
export { loadSpeakerRules, type SpeakerRules } from "./speaker-rules.js";

export interface QuoteResources {
  attribution: AttributionResources;
}

export function loadAttributionResources(entityLexicons: EntityLexicons): AttributionResources {
  const list = (file: string): Set<string> => new Set(readList(dataPath("lexicon", file)).map((w) => normalize(w)));
  return { reporting: loadReportingLexicon(), entityLexicons, channels: list("channels.txt"), reportAdverbs: list("report-adverbs.txt"), speakerRules: loadSpeakerRules(), claimFrames: loadClaimFrames() };
}

export const quotesStage: Stage<QuoteResources> = {
  name: "quotes",
  requires: ["entities", "sentences"],
  provides: ["quotes", "claims"],
  run(doc: MarsadDocument, res: QuoteResources): void {
    const { quotes, claims } = attribute(doc, workEntities(doc), res.attribution);
    doc.quotes = quotes;
    doc.claims = claims;
  },
};
