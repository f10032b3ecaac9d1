/**
 * Analysis over HTTP: POST /api/analyze (a pasted article, not stored) and POST /api/ingest (analysed
 * and stored; needs the server's token), both run in the analysis pool, off the event loop. Articles
 * and their analyses are read back through GET /api/articles.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AnalysisPool } from "../batch/pool.js";
import { contentHash } from "../batch/record.js";
import type { WorkReply } from "../batch/worker.js";
import type { MarsadDocument } from "../document.js";
import { englishStage } from "../english/stage.js";
import type { ApiContext } from "./context.js";
import * as C from "./contract.js";
import { parse, type Routes } from "./routes.js";

/**
 * Analyses waiting or running at once; a request beyond is answered 503 at once (with Retry-After)
 * instead of queueing without bound.
 */
const MAX_PENDING_ANALYSES = 8;

type AnalyzeBody = z.infer<typeof C.AnalyzeBody>;

export function registerAnalysis(routes: Routes, opts: { ctx: ApiContext; analysis: AnalysisPool; token?: string; cache: { clear(): void } }): void {
  const { ctx } = opts;
  const { store } = ctx;

  routes.add({ method: "GET", path: "/api/articles", operationId: "listArticles", summary: "Stored articles, newest first", query: C.ArticleQuery, responses: { 200: C.ArticlesAnswer, 400: C.ErrorAnswer } }, async ({ query }) =>
    store.articles(query.limit, query.offset),
  );

  routes.add(
    { method: "GET", path: "/api/articles/{id}", operationId: "getArticle", summary: "One article with its analysis (marsad.document/1, without token columns)", params: C.Id, responses: { 200: C.ArticleAnswer, 400: C.ErrorAnswer, 404: C.ErrorAnswer } },
    async ({ params, reply }) => {
      const a = await store.article(params.id);
      if (!a) return void reply.code(404).send({ error: `no article ${params.id}` });
      const { doc, ...meta } = a;
      const analysis = JSON.parse(doc) as MarsadDocument;
      // a document stored before English names were part of the analysis gets them now
      const named = [...(analysis.entities ?? []), ...(analysis.places ?? []), ...(analysis.events ?? []).flatMap((v) => (v.actor ? [v.actor] : []))];
      if (named.some((x) => x.name_en === undefined)) englishStage.run(analysis, { englishNames: ctx.english().english.names });
      return { ...meta, analysis };
    },
  );

  /** Text of a POST: a JSON body {text, published?, format?}, or the raw text. */
  const analyzeInput = (req: FastifyRequest, reply: FastifyReply): AnalyzeBody | undefined =>
    typeof req.body === "string" ? parse(C.AnalyzeBody, { text: req.body }, reply) : parse(C.AnalyzeBody, req.body, reply);

  /** Runs one analysis in the pool; answers 503 when too many wait, 422 when the input is refused. */
  const analyse = async (reply: FastifyReply, body: AnalyzeBody, json?: { tokens: boolean }): Promise<WorkReply | undefined> => {
    if (opts.analysis.pending >= MAX_PENDING_ANALYSES) {
      void reply.code(503).header("retry-after", "5").send({ error: "the server is busy analysing other articles; try again in a few seconds" });
      return undefined;
    }
    const input = { content: body.text, origin: "api", published: body.published, format: body.format };
    const r = await opts.analysis.analyze(input, contentHash(input), json);
    if (r.ok) return r;
    void reply.code(r.refused ? 422 : 500).send({ error: r.refused ? r.error : `the analysis failed: ${r.error}` });
    return undefined;
  };

  const errors = { 400: C.ErrorAnswer, 413: C.ErrorAnswer, 422: C.ErrorAnswer, 500: C.ErrorAnswer, 503: C.ErrorAnswer };
  routes.add({ method: "POST", path: "/api/analyze", operationId: "analyzeArticle", summary: "Analyse a pasted article without storing it (?tokens=1 keeps the token columns)", body: C.AnalyzeBody, responses: { 200: C.AnalysisAnswer, ...errors } }, async ({ req, reply }) => {
    const body = analyzeInput(req, reply);
    if (!body) return;
    const r = await analyse(reply, body, { tokens: !!(req.query as { tokens?: string }).tokens });
    if (!r || !r.ok || reply.sent) return;
    return void reply.type("application/json; charset=utf-8").send(r.json);
  });

  routes.add(
    { method: "POST", path: "/api/ingest", operationId: "ingestArticle", summary: "Analyse and store an article (needs the server's token)", body: C.AnalyzeBody, security: true, responses: { 200: C.IngestAnswer, ...errors, 401: C.ErrorAnswer, 403: C.ErrorAnswer } },
    async ({ req, reply }) => {
      if (!opts.token) return void reply.code(403).send({ error: "this server is read-only; start it with --token to allow ingest" });
      if (req.headers.authorization !== `Bearer ${opts.token}`) return void reply.code(401).send({ error: "missing or wrong token: send Authorization: Bearer <token>" });
      const body = analyzeInput(req, reply);
      if (!body) return;
      const a = await analyse(reply, body);
      if (!a || !a.ok || !a.record || reply.sent) return;
      const r = await store.write([a.record]);
      opts.cache.clear();
      ctx.changed();
      return { stored: r.inserted === 1, events: r.events, duplicate: r.duplicates === 1 };
    },
  );
}
