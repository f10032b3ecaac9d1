/**
 * The real corpus against marsad.document/1 (src/schema.ts): every article gives a valid document
 * (ids resolve, spans in range, real dates, finite numbers) or a one-line refusal. SCHEMA_N articles
 * from the start of ../shared/corpus (default 1,000; 0 for all 30,676).
 */
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../src/analyze.js";
import { EXIT, isMarsadError } from "../../src/errors.js";
import { toJson } from "../../src/output.js";
import { checkDocument } from "../../src/schema.js";
import { resources } from "../helpers/resources.js";
import { SHARED } from "../helpers/shared.js";

const CORPUS = join(SHARED, "corpus", "saudinewsnet-2015.jsonl.gz");
const N = Number(process.env.SCHEMA_N ?? 1000) || Infinity;

describe.runIf(existsSync(CORPUS))("the corpus against the schema", () => {
  it(`${Number.isFinite(N) ? N : "all"} articles: 0 invalid documents, 0 crashes`, async () => {
    const analyzer = createAnalyzer(resources());
    const bad: string[] = [];
    let n = 0, refused = 0;
    const rl = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) {
      if (n >= N) break;
      n++;
      const o = JSON.parse(line) as { id?: string; title?: string; content?: string; text?: string; date_extracted?: string };
      try {
        const doc = analyzer.analyze(o.content ?? o.text ?? "", { title: o.title, published: o.date_extracted?.slice(0, 10), id: String(o.id ?? n) });
        const problems = checkDocument(JSON.parse(JSON.stringify(toJson(doc))));
        if (problems.length) bad.push(`line ${n}: ${problems.slice(0, 2).join("; ")}`);
      } catch (e) {
        if (isMarsadError(e) && e.exitCode !== EXIT.internal) refused++;
        else bad.push(`line ${n}: crash: ${(e as Error).message}`);
      }
    }
    rl.close();
    console.log(JSON.stringify({ articles: n, refused, invalid: bad.length }));
    expect(bad).toEqual([]);
    expect(refused).toBeLessThan(n / 20); // refusals are empty or non-article lines, not the rule
  }, 3_600_000);
});
