/**
 * One declaration per operation — method, path, operationId, the zod schemas of its request and of
 * each answer — used three ways: to register the route, to validate what comes in (a 400 with one
 * line naming the parameter), and to write the OpenAPI document (openapi.ts). A JSON answer is parsed
 * through its schema before it is sent, so an answer can never drift from the document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { ErrorAnswer } from "./contract.js";

export interface Operation<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: "GET" | "POST";
  /** In OpenAPI form: /api/events/{id}. */
  path: string;
  operationId: string;
  summary: string;
  query?: Q;
  params?: P;
  /** The JSON body (a POST); text/plain is taken as {text}. */
  body?: z.ZodType;
  /** Status → schema of the JSON answer; a string is a media type sent as is (CSV, GeoJSON …). */
  responses: Record<number, z.ZodType | { media: Record<string, string>; description: string }>;
  security?: boolean;
  /** GET answers cached by URL (the default for GET). */
  cache?: boolean;
}

/** A readable one-line message from a zod error: "from: must be a date as YYYY-MM-DD". */
export function problem(e: z.ZodError): string {
  return e.issues
    .map((i) => {
      if (i.code === "unrecognized_keys") return `unknown parameter ${i.keys.map((k) => `"${k}"`).join(", ")}; see /api/openapi.json`;
      return `${i.path.join(".") || "request"}: ${i.message}`;
    })
    .join("; ");
}

export function parse<T extends z.ZodType>(schema: T, value: unknown, reply: FastifyReply): z.infer<T> | undefined {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  void reply.code(400).send({ error: `bad request: ${problem(r.error)}` });
  return undefined;
}

/**
 * An answer already written as JSON, by parts each shaped by its schema (the event list writes each
 * event once, through the Event schema, and joins a page of them): sent and cached as it is.
 */
export class Shaped {
  constructor(readonly json: string) {}
}

/** The answer a handler gives: JSON for the 200 schema, or a reply it has sent itself. */
export type Handler<Q, P> = (input: { query: Q; params: P; req: FastifyRequest; reply: FastifyReply }) => Promise<unknown>;

export interface Cache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** Fastify's path syntax from OpenAPI's: {id} → :id. */
const fastifyPath = (p: string): string => p.replace(/\{(\w+)\}/g, ":$1");

export class Routes {
  readonly operations: Operation[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly cache: Cache,
    /** Run before a cached answer is looked up: brings what is held up to date with the store. */
    private readonly fresh: () => Promise<void> = async () => {},
  ) {}

  add<Q extends z.ZodType, P extends z.ZodType>(op: Operation<Q, P>, handler: Handler<z.infer<Q>, z.infer<P>>): void {
    this.operations.push(op as unknown as Operation);
    const ok = op.responses[200];
    const answer = ok && "safeParse" in ok ? (ok as z.ZodType) : null;
    const cached = op.cache ?? op.method === "GET";
    this.app.route({
      method: op.method,
      url: fastifyPath(op.path),
      handler: async (req, reply) => {
        if (cached) {
          await this.fresh();
          const hit = this.cache.get(req.url);
          if (hit !== undefined) return reply.type("application/json; charset=utf-8").send(hit);
        }
        const query = op.query ? parse(op.query, req.query, reply) : undefined;
        if (op.query && query === undefined) return reply;
        const params = op.params ? parse(op.params, req.params, reply) : undefined;
        if (op.params && params === undefined) return reply;
        const body = await handler({ query: query as z.infer<Q>, params: params as z.infer<P>, req, reply });
        if (reply.sent || body === undefined) return reply;
        if (body instanceof Shaped) {
          if (cached && reply.statusCode === 200) this.cache.set(req.url, body.json);
          return reply.type("application/json; charset=utf-8").send(body.json);
        }
        if (!answer || reply.statusCode !== 200) return reply.send(body);
        const shaped = answer.safeParse(body);
        if (!shaped.success) {
          req.log.error({ err: shaped.error, operation: op.operationId }, "an answer does not fit its schema");
          return reply.code(500).send(ErrorAnswer.parse({ error: `internal error: the answer of ${op.operationId} does not fit its schema; see the server's log` }));
        }
        const json = JSON.stringify(shaped.data);
        if (cached) this.cache.set(req.url, json);
        return reply.type("application/json; charset=utf-8").send(json);
      },
    });
  }
}
