/** A fresh store in a temporary folder, and articles written to it through the real analyser. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentHash, toRecord } from "../../src/batch/record.js";
import { openStore, type Db } from "../../src/store/db.js";
import { StoreWriter } from "../../src/store/writer.js";
import { analyze } from "./analyze.js";
import { resources } from "./resources.js";

export function tempStore(): { db: Db; path: string; writer: StoreWriter } {
  const path = join(mkdtempSync(join(tmpdir(), "marsad-db-")), "test.db");
  const db = openStore(path);
  return { db, path, writer: new StoreWriter(db) };
}

export function store(writer: StoreWriter, text: string, opts: { published?: string; source?: string; url?: string } = {}) {
  const doc = analyze(text, opts.published);
  const input = { content: text, origin: "test", source: opts.source, url: opts.url };
  return writer.write([toRecord(doc, input, contentHash(input), resources().gazetteer)]);
}
