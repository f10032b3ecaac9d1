/** Marsad as a library: analyse Arabic news articles into sourced, geocoded documents. */
export { createAnalyzer, loadResources, type Analyzer, type Resources } from "./analyze.js";
export { serialize, toJson } from "./output.js";
export { SCHEMA, type MarsadDocument } from "./document.js";
export { MarsadError, EXIT } from "./errors.js";
