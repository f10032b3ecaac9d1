/** The scripts' options (scripts/options.mjs): a bad option is one line with the usage, never a stack trace. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [`scripts/${script}`, ...args], { cwd: root, encoding: "utf8" });

describe("script options", () => {
  it.each(["sample-articles.mjs", "sample-events.mjs", "eval-relevance.mjs", "unresolved-places.mjs"])("%s refuses an unknown option in one line, exit 2", (script) => {
    const r = run(script, "--no-such-option");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Unknown option '--no-such-option'; usage: /);
  });

  it("prints the usage on --help", () => {
    const r = run("sample-events.mjs", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: node scripts\/sample-events\.mjs --db STORE --out FILE/);
  });
});
