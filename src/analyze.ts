/**
 * The analyser: loads Marsad's data once, then turns articles into documents by running ingest and
 * the pipeline stages in order (text → entities → geo → quotes → relevance → events → english).
 */
import type { MarsadDocument } from "./document.js";
import { ingest, loadIngestResources, type IngestOptions, type IngestResources } from "./ingest/index.js";
import { Pipeline, type Stage } from "./pipeline.js";
import { EXIT, MarsadError, isMarsadError } from "./errors.js";
import { CliticSegmenter, loadWordLexicon, textStage, type TextResources } from "./text/index.js";
import { ActorIndex, createRecognizer, createTagger, entitiesStage, loadEntityLexicons, type EntityResources } from "./entities/index.js";
import { Gazetteer, geoStage, type GeoResources } from "./geo/index.js";
import { importedGazetteerDir } from "./home.js";
import { loadAttributionResources, quotesStage, type QuoteResources } from "./quotes/index.js";
import { eventsStage, loadEventLexicon, loadFactualityLexicon, loadOutlets, loadGenericHeads, loadGroundObjects, loadPlaceMarkers, loadRoleWords, loadSenseLexicon, type EventResources } from "./events/index.js";
import { EnglishNames, englishStage, loadEnglishLexicon, type EnglishResources } from "./english/index.js";
import { loadOpinionSections, loadTopicLexicon, relevanceStage, type RelevanceResources } from "./relevance/index.js";

export interface Resources extends TextResources, EntityResources, GeoResources, QuoteResources, RelevanceResources, EventResources, EnglishResources {
  ingest: IngestResources;
}

export interface LoadOptions {
  /** Folder of imported gazetteer files; default $MARSAD_HOME/gazetteer. */
  importedGazetteer?: string | null;
  /** Whether to load the name tagger's model (default true; its training script runs without it). */
  nameTagger?: boolean;
}

export function loadResources(opts: LoadOptions = {}): Resources {
  const lexicon = loadWordLexicon();
  const segmenter = new CliticSegmenter(lexicon);
  const entityLexicons = loadEntityLexicons(lexicon);
  const imported = opts.importedGazetteer === undefined ? importedGazetteerDir() : opts.importedGazetteer;
  const gazetteer = Gazetteer.load(entityLexicons.adminPrefixes, imported ?? undefined);
  const actors = ActorIndex.load();
  return {
    ingest: loadIngestResources(),
    segmenter,
    entityLexicons,
    gazetteer,
    actors,
    recognizer: createRecognizer(actors, gazetteer, entityLexicons),
    tagger: opts.nameTagger === false ? null : createTagger(actors, gazetteer, entityLexicons),
    attribution: loadAttributionResources(entityLexicons),
    topics: loadTopicLexicon(),
    opinionSections: loadOpinionSections(),
    eventExtraction: { events: loadEventLexicon(), functionWords: entityLexicons.functionWords, heads: entityLexicons.heads, speechVerbs: entityLexicons.speechVerbs, senses: loadSenseLexicon(), factuality: loadFactualityLexicon(), roles: loadRoleWords(), placeMarkers: loadPlaceMarkers(), groundObjects: loadGroundObjects(), genericHeads: loadGenericHeads(), gentilics: entityLexicons.gentilics },
    outlets: loadOutlets(),
    englishNames: new EnglishNames(loadEnglishLexicon(), gazetteer, actors),
  };
}

/** The stages in pipeline order; each adds its layers to the document. */
export const STAGES: readonly Stage<Resources>[] = [textStage, entitiesStage, geoStage, quotesStage, relevanceStage, eventsStage, englishStage];

export interface Analyzer {
  readonly resources: Resources;
  analyze(input: Buffer | string, opts?: IngestOptions): MarsadDocument;
}

export function createAnalyzer(resources: Resources = loadResources()): Analyzer {
  const pipeline = Pipeline.build(STAGES, resources);
  return {
    resources,
    analyze: (input, opts = {}) => {
      try {
        return pipeline.run(ingest(input, opts, resources.ingest));
      } catch (e) {
        // a stage failed on this input: one line naming it, never a stack trace through the caller
        if (isMarsadError(e)) throw e;
        throw new MarsadError(`analysis failed on this input (${e instanceof RangeError ? "too deeply structured or too large" : (e as Error).message}); please report it with the input`, EXIT.internal);
      }
    },
  };
}
