import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";

describe("the command line program", () => {
  it("loads only the command it runs", async () => {
    expect((await buildProgram(["analyze", "x.txt"])).commands.map((c) => c.name())).toEqual(["analyze"]);
    expect((await buildProgram(["export", "--format", "csv"])).commands.map((c) => c.name())).toEqual(["export"]);
  });

  it("loads every command for help, for an unknown command and for none", async () => {
    const all = ["analyze", "ingest", "search", "control", "export", "serve", "worker", "status", "gazetteer"];
    for (const argv of [[], ["--help"], ["help", "analyze"], ["analyse"]]) expect((await buildProgram(argv)).commands.map((c) => c.name())).toEqual(all);
  });
});
