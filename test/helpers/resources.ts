/** Resources shared by tests: loaded once per test file. */
import { loadResources, type Resources } from "../../src/analyze.js";

let cached: Resources | undefined;
export const resources = (): Resources => (cached ??= loadResources());
