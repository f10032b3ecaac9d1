/**
 * Libraries loaded on first use. The HTML and feed readers pull in large libraries (a DOM, Readability,
 * an XML parser) that a plain-text article never needs; loading them only when a page or feed arrives
 * keeps `marsad analyze article.txt` quick to start. Each library here ships a CommonJS build, which
 * can be required synchronously from the synchronous ingest path.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function returning the module `name`, required the first time it is called. */
export function lazyRequire<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(name) as T);
}
