/** A fresh store (SQLite in a temporary folder), and articles written to it through the real analyser. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentHash, toRecord } from "../../src/batch/record.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import type { Store, WriteResult } from "../../src/store/store.js";
import { analyze } from "./analyze.js";
import { resources } from "./resources.js";

export function tempSqlite(): SqliteStore {
  return SqliteStore.open(join(mkdtempSync(join(tmpdir(), "marsad-db-")), "test.db"));
}

export function record(text: string, opts: { published?: string; source?: string; url?: string } = {}) {
  const doc = analyze(text, opts.published);
  const input = { content: text, origin: "test", source: opts.source, url: opts.url };
  return toRecord(doc, input, contentHash(input), resources().gazetteer);
}

export function store(s: Store, text: string, opts: { published?: string; source?: string; url?: string } = {}): Promise<WriteResult> {
  return s.write([record(text, opts)]);
}
