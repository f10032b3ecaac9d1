/**
 * The analyser: loads Marsad's data once, then turns articles into documents by running ingest and
 * the pipeline stages in order (text → entities → geo → quotes → events).
 */
import type { MarsadDocument } from "./document.js";
import { ingest, loadIngestResources, type IngestOptions, type IngestResources } from "./ingest/index.js";
import { Pipeline, type Stage } from "./pipeline.js";
import { CliticSegmenter, loadWordLexicon, textStage, type TextResources } from "./text/index.js";

export interface Resources extends TextResources {
  ingest: IngestResources;
}

export function loadResources(): Resources {
  const lexicon = loadWordLexicon();
  return { ingest: loadIngestResources(), segmenter: new CliticSegmenter(lexicon) };
}

/** The stages in pipeline order; each adds its layers to the document. */
export const STAGES: readonly Stage<Resources>[] = [textStage];

export interface Analyzer {
  readonly resources: Resources;
  analyze(input: Buffer | string, opts?: IngestOptions): MarsadDocument;
}

export function createAnalyzer(resources: Resources = loadResources()): Analyzer {
  const pipeline = Pipeline.build(STAGES, resources);
  return {
    resources,
    analyze: (input, opts = {}) => pipeline.run(ingest(input, opts, resources.ingest)),
  };
}
