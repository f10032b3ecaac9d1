/** Analyse a short text with the shared resources and read its entities and places simply. */
import { createAnalyzer, type Analyzer } from "../../src/analyze.js";
import type { MarsadDocument } from "../../src/document.js";
import { resources } from "./resources.js";

let analyzer: Analyzer | undefined;
export const analyze = (text: string, published?: string, opts: { source?: string; url?: string } = {}): MarsadDocument => (analyzer ??= createAnalyzer(resources())).analyze(text, { published, ...opts });

export const entitiesOf = (text: string): Array<[string, string]> => analyze(text).entities.map((e) => [e.type, e.name]);
export const entity = (doc: MarsadDocument, name: string) => doc.entities.find((e) => e.name === name);
export const placeOf = (doc: MarsadDocument, name: string) => doc.places.find((p) => p.name === name);
