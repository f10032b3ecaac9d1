/** What the exports need beside the store, from the test resources. */
import { loadEnglish } from "../../src/english/index.js";
import type { ExportContext } from "../../src/store/export.js";
import { resources } from "./resources.js";

let cached: ExportContext | undefined;
export const exportContext = (): ExportContext => (cached ??= { english: loadEnglish(resources().gazetteer, resources().actors), outlets: resources().outlets });
