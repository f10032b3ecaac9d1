/** Where ../shared is (the seed article, the corpus, GeoNames, the dev set), if it is beside the repo. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`../shared is not beside the repository (${SHARED}); the tests that read it are skipped`);
