/**
 * An analysis worker: loads Marsad's resources once, then analyses the articles it is sent — into the
 * store's record (ingest), or into the document's JSON (the server's POST /api/analyze).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createAnalyzer, loadResources } from "../analyze.js";
import { EXIT, isMarsadError } from "../errors.js";
import { toJson } from "../output.js";
import { toRecord, type ArticleInput, type ArticleRecord } from "./record.js";

export interface WorkRequest {
  seq: number;
  input: ArticleInput;
  hash: string;
  /** Reply with the document's JSON (with or without token columns) instead of the store's record. */
  json?: { tokens: boolean };
}

export type WorkReply =
  | { seq: number; ok: true; record?: ArticleRecord; json?: string }
  /** refused: the input's fault (a MarsadError a user can act on), not the analyser's. */
  | { seq: number; ok: false; error: string; refused?: boolean };

const data = workerData as { importedGazetteer?: string | null; maxBytes?: number } | undefined;
const resources = loadResources({ importedGazetteer: data?.importedGazetteer });
const analyzer = createAnalyzer(resources);

parentPort!.on("message", (req: WorkRequest) => {
  let reply: WorkReply;
  try {
    const { input } = req;
    // a Buffer arrives as a plain Uint8Array: make it a Buffer again
    if (typeof input.content !== "string" && !Buffer.isBuffer(input.content)) {
      const u = input.content as Uint8Array;
      input.content = Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    }
    const doc = analyzer.analyze(input.content, { name: input.name, id: input.id, title: input.title, source: input.source, url: input.url, published: input.published, format: input.format, maxBytes: data?.maxBytes });
    reply = req.json ? { seq: req.seq, ok: true, json: JSON.stringify(toJson(doc, req.json.tokens)) } : { seq: req.seq, ok: true, record: toRecord(doc, input, req.hash, resources.gazetteer) };
  } catch (e) {
    reply = { seq: req.seq, ok: false, error: (e as Error).message, refused: isMarsadError(e) && e.exitCode !== EXIT.internal };
  }
  parentPort!.postMessage(reply);
});
