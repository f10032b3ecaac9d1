/**
 * The server: the HTTP API under /api and the web app (web/dist) from one process, bound to
 * 127.0.0.1 unless told otherwise. Every answer carries a Content-Security-Policy; article text is
 * sent as JSON and rendered as text by the web app, never as HTML.
 */
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Analyzer } from "../analyze.js";
import type { Db } from "../store/db.js";
import { registerApi } from "./api.js";

export interface ServerOptions {
  db: Db;
  analyzer: Analyzer;
  token?: string;
  tiles: string | null;
  /** Folder of the built web app; default web/dist in the package. */
  webRoot?: string;
  logger?: boolean;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
}

export const DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

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
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024 });
  const policy = csp(opts.tiles);
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("content-security-policy", policy);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    return payload;
  });
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: "the request is too large; send at most 2 MB" });
    if (status >= 400 && status < 500) return reply.code(status).send({ error: `bad request: ${err.message}` });
    app.log.error(err);
    return reply.code(500).send({ error: "internal error; see the server's log" });
  });
  registerApi(app, opts);
  const root = opts.webRoot ?? webRoot();
  if (existsSync(join(root, "index.html"))) {
    await app.register(fastifyStatic, { root, index: "index.html", maxAge: "1h" });
  } else {
    app.get("/", async (_req, reply) => reply.type("text/plain; charset=utf-8").send("The web app is not built: run `npm run build`. The API answers under /api (see /api/openapi.json).\n"));
  }
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `nothing at ${req.method} ${req.url}; the API is described at /api/openapi.json` }));
  return app;
}
