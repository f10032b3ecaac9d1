import { mkdtempSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTsv } from "../../src/util/tsv.js";

describe("readTsv", () => {
  const dir = mkdtempSync(join(tmpdir(), "marsad-tsv-"));

  it("reads rows under their columns, skipping comments and blank lines", () => {
    const file = join(dir, "a.tsv");
    writeFileSync(file, "# a comment\nname\tcount\nحمص\t3\r\n\n# another\nادلب\t 4 \n");
    expect(readTsv(file, ["name", "count"] as const).map((r) => [r.name, r.count, r._line])).toEqual([
      ["حمص", "3", 3],
      ["ادلب", "4", 6],
    ]);
  });

  it("rejects a header other than the expected one, naming the file", () => {
    const file = join(dir, "b.tsv");
    writeFileSync(file, "name\tcount\nx\t1\n");
    expect(() => readTsv(file, ["name", "total"] as const)).toThrow(/b\.tsv: header must be/);
    expect(readTsv(file, ["name", "count"] as const)).toHaveLength(1);
  });

  it("reads a file again once it has changed on disk", () => {
    const file = join(dir, "c.tsv");
    writeFileSync(file, "name\nx\n");
    expect(readTsv(file, ["name"] as const).map((r) => r.name)).toEqual(["x"]);
    writeFileSync(file, "name\ny\nz\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(readTsv(file, ["name"] as const).map((r) => r.name)).toEqual(["y", "z"]);
  });

  it("gives each caller its own list, so sorting one does not reorder another's", () => {
    const file = join(dir, "d.tsv");
    writeFileSync(file, "name\nb\na\n");
    const first = readTsv(file, ["name"] as const);
    first.sort((x, y) => x.name.localeCompare(y.name));
    expect(readTsv(file, ["name"] as const).map((r) => r.name)).toEqual(["b", "a"]);
  });
});
