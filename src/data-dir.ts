/** Where the built-in data files live: `data/` at the package root, found from this module's place. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function dataDir(): string {
  if (cached) return cached;
  // Works from src/ (tests, tsx) and from dist/ (the built command), both one level below the root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "data", "README.md"))) return (cached = join(dir, "data"));
    dir = dirname(dir);
  }
  throw new Error("cannot find Marsad's data/ folder next to the package; reinstall the package");
}

export const dataPath = (...parts: string[]): string => join(dataDir(), ...parts);
