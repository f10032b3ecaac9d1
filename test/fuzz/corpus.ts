/** Corpus articles to splice into fuzz inputs, read from ../shared when it is there (none otherwise). */
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { SHARED } from "../helpers/shared.js";

export async function corpusArticles(max = 300): Promise<string[]> {
  const file = join(SHARED, "corpus", "saudinewsnet-2015.jsonl.gz");
  if (!existsSync(file)) return [];
  const out: string[] = [];
  const stream = createReadStream(file);
  const rl = createInterface({ input: stream.pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    try {
      const o = JSON.parse(line) as { title?: string; text?: string; content?: string };
      const text = o.text ?? o.content;
      if (typeof text === "string") out.push(`${o.title ?? ""}\n\n${text}`);
    } catch {
      // a damaged line is no article to splice
    }
    if (out.length >= max) break;
  }
  rl.close();
  stream.destroy();
  return out;
}
