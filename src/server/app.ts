/**
 * The server: the HTTP API under /api and the web app (web/dist) from one process, bound to
 * 127.0.0.1 unless told otherwise. Every answer — errors included — carries a Content-Security-Policy
 * and the other security headers; article text is sent as JSON and rendered as text by the web app,
 * never as HTML. Against hostile clients: analyses run in a worker thread with a time budget, request
 * bodies are small, requests time out, the answer cache is bounded, and a server on the loopback
 * answers only to loopback host names (a DNS-rebinding page cannot reach it through its own name).
 */
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Analyzer } from "../analyze.js";
import type { Store } from "../store/store.js";
import { AnalysisPool } from "../batch/pool.js";
import { loadEnglish } from "../english/index.js";
import { registerApi } from "./api.js";
import type { CacheLimits } from "./cache.js";
import { DEFAULT_TILES, LOOPBACK_HOSTS } from "./defaults.js";

export { DEFAULT_TILES, LOOPBACK_HOSTS };

export interface ServerOptions {
  store: Store;
  /** The analysis workers; without, analyses run in this thread with `analyzer` (tests). */
  pool?: AnalysisPool;
  analyzer?: Analyzer;
  token?: string;
  tiles: string | null;
  /** Folder of the built web app; default web/dist in the package. */
  webRoot?: string;
  logger?: boolean;
  /** Largest request body, in bytes (default 512 KB). */
  bodyLimit?: number;
  /** Host names (without port) the server answers to; null answers to any (default: the loopback names). */
  allowedHosts?: string[] | null;
  cacheLimits?: Partial<CacheLimits>;
}

export const DEFAULT_BODY_LIMIT = 512 * 1024;
/** A request (headers and body) must arrive within this long. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The host name of a Host header, without its port, lower-cased ("[::1]:8750" → "[::1]"). */
export function hostName(header: string | undefined): string {
  const h = (header ?? "").trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d*$/, "");
}

const SECURITY_HEADERS = (policy: string): Record<string, string> => ({
  "content-security-policy": policy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
});

export function webRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "web", "dist");
}

function csp(tiles: string | null): string {
  const tileOrigin = tiles ? new URL(tiles.replace(/\{[a-z]\}/g, "a")).origin : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // Leaflet positions map panes with inline styles
    `img-src 'self' data: blob: ${tileOrigin}`.trim(),
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const headers = SECURITY_HEADERS(csp(opts.tiles));
  const app = Fastify({
    logger: opts.logger ?? false, bodyLimit, requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: 2 * REQUEST_TIMEOUT_MS, keepAliveTimeout: 5_000, return503OnClosing: true,
    // errors met before routing (a malformed URL) skip the hooks: they get the headers here
    frameworkErrors: (err, _req, reply) => void (reply as FastifyReply).headers(headers).code(400).send({ error: `bad request: ${err.message}` }),
  });
  const allowed = opts.allowedHosts === undefined ? LOOPBACK_HOSTS : opts.allowedHosts;
  const pool = opts.pool ?? new AnalysisPool({ workers: 0, local: opts.analyzer });
  app.addHook("onClose", async () => pool.close());
  // set first, so that every answer has them, whatever ends the request (a 404, a 413, a thrown error)
  app.addHook("onRequest", async (req, reply) => {
    reply.headers(headers);
    if (allowed && !allowed.includes(hostName(req.headers.host))) {
      return reply.code(421).send({ error: `this server answers only to ${allowed[0]} (the request named "${hostName(req.headers.host).slice(0, 80)}"); start it with --allow-host to serve other names` });
    }
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.headers(headers);
    return payload;
  });
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: `the request is too large; send at most ${Math.round(bodyLimit / 1024)} KB` });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: `bad request: ${err.message}` });
    app.log.error(err);
    return reply.code(500).send({ error: "internal error; see the server's log" });
  });
  // with an analyser at hand (tests), English names come from its gazetteer and actors rather than a second load
  const res = opts.analyzer?.resources;
  const english = res ? () => ({ english: loadEnglish(res.gazetteer, res.actors), outlets: res.outlets }) : undefined;
  registerApi(app, { store: opts.store, analysis: pool, token: opts.token, tiles: opts.tiles, cacheLimits: opts.cacheLimits, english });
  const root = opts.webRoot ?? webRoot();
  if (existsSync(join(root, "index.html"))) {
    await app.register(fastifyStatic, { root, index: "index.html", maxAge: "1h" });
  } else {
    app.get("/", async (_req, reply) => reply.type("text/plain; charset=utf-8").send("The web app is not built: run `npm run build`. The API answers under /api (see /api/openapi.json).\n"));
  }
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `nothing at ${req.method} ${req.url}; the API is described at /api/openapi.json` }));
  return app;
}
