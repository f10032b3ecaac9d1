/**
 * Issue 18, the command line under bad input: every failure a user can cause is one line on standard
 * error ("marsad: error: …") with its documented exit code, never a stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { built, marsad } from "../helpers/cli.js";

const tmp = (): string => mkdtempSync(join(tmpdir(), "marsad-cli-"));
const ARTICLE = "قال الجيش إن قواته سيطرت على قرية قرب حمص أمس بعد اشتباكات مع مسلحين.";
const oneLine = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
  expect(stderr.trim().split("\n").filter((l) => l.startsWith("marsad: error")).length).toBe(1);
};

describe.runIf(built)("bad input to the command line", () => {
  const file = join(tmp(), "a.txt");
  writeFileSync(file, ARTICLE);

  it.each([
    ["--encoding __proto__", ["analyze", file, "--encoding", "__proto__"], 2],
    ["--published 2024-02-30", ["analyze", file, "--published", "2024-02-30"], 2],
    ["--max-size 0", ["analyze", file, "--max-size", "0"], 2],
    ["a missing file", ["analyze", "/nonexistent/x.txt"], 3],
    ["a device", ["analyze", "/dev/null"], 3],
    ["--port 70000", ["serve", "--port", "70000"], 2],
    ["--workers 1000000", ["ingest", file, "--workers", "1000000"], 2],
    ["--limit 1.5", ["search", "x", "--limit", "1.5"], 2],
    ["--since 2024-13-01", ["export", "--since", "2024-13-01"], 2],
    ["a missing database", ["search", "x", "--db", "/nonexistent/m.db"], 3],
  ])("%s: one line, the documented exit code", (_, args, code) => {
    const r = marsad(args as string[]);
    expect(r.code).toBe(code);
    oneLine(r.stderr);
  });

  it("ingest of only missing inputs exits 3 and creates no database", () => {
    const d = tmp();
    const r = marsad(["ingest", join(d, "missing.txt"), "--db", join(d, "m.db"), "--workers", "0"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nothing to ingest: .*missing\.txt \(no such file or folder\)/);
    oneLine(r.stderr);
    expect(marsad(["search", "x", "--db", join(d, "m.db")]).code).toBe(3);
  });

  it("export --out into a missing folder is one line, exit 3", () => {
    const d = tmp();
    marsad(["ingest", file, "--db", join(d, "m.db"), "--workers", "0"]);
    const r = marsad(["export", "--db", join(d, "m.db"), "--out", join(d, "no", "such", "x.jsonl")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write .*x\.jsonl: its folder does not exist/);
    oneLine(r.stderr);
    const dir = marsad(["export", "--db", join(d, "m.db"), "--out", d]);
    expect(dir.code).toBe(3);
    oneLine(dir.stderr);
  });

  it("a port in use: one line, exit 6", async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    const port = (busy.address() as { port: number }).port;
    try {
      const d = tmp();
      const r = marsad(["serve", "--port", String(port), "--db", join(d, "m.db"), "--token", "t"]);
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: the port is in use/);
      oneLine(r.stderr);
    } finally {
      busy.close();
    }
  });

  it.each([
    ["analyze", ["5  input too large"], ["6  unavailable"]],
    ["serve", ["6  unavailable"], ["5  input too large", "4  bad input"]],
    // search can end 6 too: a PostgreSQL store that cannot be reached
    ["search", ["3  not found", "6  unavailable"], ["5  input too large"]],
  ])("%s --help lists its own exit codes", (cmd, has, hasNot) => {
    const r = marsad([cmd, "--help"]);
    for (const h of has) expect(r.stdout).toContain(h);
    for (const h of hasNot) expect(r.stdout).not.toContain(h);
  });

  it("help gives --max-size in megabytes", () => {
    expect(marsad(["analyze", "--help"]).stdout).toMatch(/--max-size <MB>\s+[^\n]*\s+\(default: 5\)/);
    expect(marsad(["ingest", "--help"]).stdout).toMatch(/--max-size <MB>\s+[^\n]*\s+\(default: 5\)/);
  });
});
