/**
 * The analysis pipeline: an ordered list of stages, each a pure function that reads some layers of
 * the document and adds its own. Each stage declares what it requires and provides; the order is
 * checked when the pipeline is built, so a missing stage fails at start-up, not mid-article.
 */
import type { MarsadDocument } from "./document.js";

export type Layer = "text" | "paragraphs" | "tokens" | "sentences" | "entities" | "places" | "quotes" | "claims" | "topic" | "genre" | "events" | "english";

export interface Stage<R = unknown> {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  run(doc: MarsadDocument, resources: R): void;
}

export class Pipeline<R> {
  private constructor(
    readonly stages: readonly Stage<R>[],
    private readonly resources: R,
  ) {}

  /** Checks that every stage's requirements are provided by a stage before it (ingest gives text and paragraphs). */
  static build<R>(stages: readonly Stage<R>[], resources: R): Pipeline<R> {
    const have = new Set<Layer>(["text", "paragraphs"]);
    for (const s of stages) {
      const missing = s.requires.filter((l) => !have.has(l));
      if (missing.length) throw new Error(`pipeline stage "${s.name}" requires ${missing.join(", ")}, which no earlier stage provides`);
      s.provides.forEach((l) => have.add(l));
    }
    return new Pipeline(stages, resources);
  }

  run(doc: MarsadDocument): MarsadDocument {
    for (const s of this.stages) s.run(doc, this.resources);
    return doc;
  }
}
