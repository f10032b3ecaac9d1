/** An analysis worker: loads Marsad's resources once, then analyses the articles it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { createAnalyzer, loadResources } from "../analyze.js";
import { toRecord, type ArticleInput } from "./record.js";

export interface WorkRequest {
  seq: number;
  input: ArticleInput;
  hash: string;
}

export type WorkReply = { seq: number; ok: true; record: ReturnType<typeof toRecord> } | { seq: number; ok: false; error: string };

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
    const doc = analyzer.analyze(input.content, { name: input.name, id: input.id, title: input.title, url: input.url, published: input.published, format: input.format, maxBytes: data?.maxBytes });
    reply = { seq: req.seq, ok: true, record: toRecord(doc, input, req.hash, resources.gazetteer) };
  } catch (e) {
    reply = { seq: req.seq, ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(reply);
});
