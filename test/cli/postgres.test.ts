/**
 * End-to-end on PostgreSQL: `--db postgres://…` (or MARSAD_DB) for ingest, search, control and
 * export, with the answers SQLite gives; and a wrong or unreachable URL ends with one line that says
 * what to do, and an exit code, never a stack trace.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { built, marsad } from "../helpers/cli.js";
import { ADMIN_URL, createTestDatabase, REQUIRED, UNREACHABLE } from "../helpers/postgres.js";

const FIX = new URL("../fixtures/ingest/", import.meta.url).pathname;

describe.runIf(built)("a PostgreSQL URL that cannot be used", () => {
  it.each([
    [["search", "x", "--db", "postgres://marsad@127.0.0.1:1/marsad"], 6, /^marsad: error: cannot reach PostgreSQL at 127\.0\.0\.1:1: connection refused; start the server/],
    [["export", "--db", "postgres://marsad@no-such-host.invalid/marsad"], 6, /^marsad: error: cannot reach PostgreSQL: no host named no-such-host\.invalid/],
    [["control", "--db", "postgres://marsad@127.0.0.1:1"], 2, /^marsad: error: --db: the PostgreSQL URL names no database/],
    [["control", "--db", "postgres://a:b:c@[bad/x"], 2, /^marsad: error: --db: the PostgreSQL URL cannot be read/],
  ] as const)("%j ends with one line and exit %i", (args, code, message) => {
    const r = marsad([...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("never shows the password of the URL", () => {
    const r = marsad(["search", "x", "--db", "postgres://marsad:s3cret@127.0.0.1:1/marsad"]);
    expect(r.code).toBe(6);
    expect(r.stderr).not.toMatch(/s3cret/);
  });
});

describe.runIf(built && (!UNREACHABLE || REQUIRED))("marsad on PostgreSQL", () => {
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("names a database that does not exist, and how to create it", () => {
    const u = new URL(ADMIN_URL);
    u.pathname = "/marsad_test_absent";
    const r = marsad(["search", "x"], undefined, { MARSAD_DB: u.toString() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^marsad: error: there is no database "marsad_test_absent" at .*; create it \(createdb /);
  });

  it("ingests, searches, follows control and exports as it does into SQLite; a second ingest adds nothing", async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const file = join(mkdtempSync(join(tmpdir(), "marsad-pg-")), "m.db");
    const inputs = [join(FIX, "folder"), join(FIX, "corpus.jsonl")];
    for (const target of [db.url, file]) expect(marsad(["ingest", ...inputs, "--db", target, "--workers", "0"]).stdout).toMatch(/stored 4 new articles/);
    // MARSAD_DB names the store when --db does not
    expect(marsad(["ingest", ...inputs, "--workers", "0"], undefined, { MARSAD_DB: db.url }).stdout).toMatch(/stored 0 new articles.*\n?.*4 already stored/);
    const both = (args: string[]) => [db.url, file].map((target) => marsad([...args, "--db", target]));
    const [pgControl, liteControl] = both(["control", "--place", "كفرنبل", "--json"]);
    expect(pgControl.code).toBe(0);
    expect(JSON.parse(pgControl.stdout)).toEqual(JSON.parse(liteControl.stdout));
    const [pgCsv, liteCsv] = both(["export", "--format", "acled-csv"]);
    const noTimestamps = (csv: string) => csv.replace(/,\d{10}$/gm, "");
    expect(noTimestamps(pgCsv.stdout)).toEqual(noTimestamps(liteCsv.stdout));
    expect(pgCsv.stdout.split("\n").length).toBeGreaterThan(2);
    expect(both(["search", "البصره"])[0].stdout).toMatch(/تظاهرة في البصرة/);
  }, 120_000);
});
