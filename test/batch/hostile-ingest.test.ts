/**
 * Issue 18, ingest never loses a batch: a bad line or file is reported with its reason and skipped,
 * a truncated archive keeps what was read, loops, pipes and devices are refused with a message, and
 * one article that takes too long costs its time budget, not the run.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readSources, type SourceItem } from "../../src/ingest/sources.js";
import { built } from "../helpers/cli.js";

const tmp = (): string => mkdtempSync(join(tmpdir(), "marsad-hostile-"));
const ARTICLE = "قال الجيش إن قواته سيطرت على قرية قرب حمص أمس بعد اشتباكات مع مسلحين.";
const line = (id: string) => JSON.stringify({ id, title: "خبر", content: `${ARTICLE} ${id}`, date: "2024-12-07" });

async function read(paths: string[], maxBytes?: number) {
  const items: SourceItem[] = [], errors: Array<{ error: string; origin: string }> = [];
  for await (const it of readSources(paths, null, maxBytes)) {
    if ("error" in it) errors.push(it);
    else items.push(it);
  }
  return { items, errors };
}

describe("reading inputs", () => {
  it.each([
    ["null", "null"],
    ["a number", "42"],
    ["an array", "[1,2]"],
    ["a string", '"نص"'],
    ["broken JSON", "{oops"],
  ])("a corpus line that is %s is skipped with its reason; the lines around it are read", async (_, bad) => {
    const f = join(tmp(), "c.jsonl");
    writeFileSync(f, [line("a"), bad, line("b")].join("\n"));
    const { items, errors } = await read([f]);
    expect(items).toHaveLength(2);
    expect(errors).toHaveLength(1);
    expect(errors[0].origin).toMatch(/line 2$/);
    expect(errors[0].error).toMatch(/not a JSON object/);
  });

  it("a truncated .gz keeps the lines read before the damage and says so", async () => {
    const f = join(tmp(), "c.jsonl.gz");
    const whole = gzipSync(Array.from({ length: 400 }, (_, k) => line(`n${k}`)).join("\n"));
    writeFileSync(f, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { items, errors } = await read([f]);
    expect(items.length).toBeGreaterThan(50);
    expect(errors).toHaveLength(1);
    expect(errors[0].error).toMatch(/truncated or damaged after line \d+/);
  });

  it("a symbolic link that loops, and a link back to a parent folder, do not stop or hang the walk", async () => {
    const d = tmp();
    writeFileSync(join(d, "a.txt"), ARTICLE);
    symlinkSync(join(d, "loop.txt"), join(d, "loop.txt"));
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "sub", "b.txt"), ARTICLE);
    symlinkSync(d, join(d, "sub", "up"));
    const { items, errors } = await read([d]);
    expect(items.map((i) => ("input" in i ? i.input.origin : "")).sort()).toEqual([join(d, "a.txt"), join(d, "sub", "b.txt")]);
    expect(errors.map((e) => e.error).join(" ")).toMatch(/loops/);
    const direct = await read([join(d, "loop.txt")]);
    expect(direct.errors[0].error).toMatch(/symbolic link that loops/);
  });

  it.runIf(process.platform !== "win32")("a FIFO or a device is refused, not read for ever", async () => {
    const d = tmp();
    const fifo = join(d, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    const { items, errors } = await read([fifo, "/dev/zero"]);
    expect(items).toHaveLength(0);
    expect(errors.map((e) => e.error)).toEqual([expect.stringMatching(/named pipe \(FIFO\), not a file/), expect.stringMatching(/a device, not a file/)]);
  });

  it("a file over the size limit is skipped with a message naming --max-size", async () => {
    const f = join(tmp(), "big.txt");
    writeFileSync(f, ARTICLE.repeat(200));
    const { errors } = await read([f], 1000);
    expect(errors[0].error).toMatch(/over the 0\.0 MB limit of one article; raise it with --max-size/);
  });
});

describe.runIf(built)("the worker pool's time budget", () => {
  it("an article over the budget is failed and the other articles still come back", async () => {
    // the worker script exists only built: use the built pool
    const { AnalysisPool } = (await import(new URL("../../dist/batch/pool.js", import.meta.url).href)) as typeof import("../../src/batch/pool.js");
    // 1 ms is under what any article takes (a worker first loads its data): every one overruns, is
    // failed with the reason, and the one behind it is sent again to a fresh worker
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 1 });
    try {
      const replies = await Promise.all([0, 1].map((k) => pool.analyze({ content: `${ARTICLE} ${k}`, origin: `t${k}` }, `h${k}`)));
      expect(replies.every((r) => !r.ok && /took over 0 s/.test(r.error))).toBe(true);
    } finally {
      await pool.close();
    }
    const fast = new AnalysisPool({ workers: 1, timeoutMs: 60_000 });
    try {
      const r = await fast.analyze({ content: ARTICLE, origin: "t" }, "h");
      expect(r.ok).toBe(true);
    } finally {
      await fast.close();
    }
  });
});
