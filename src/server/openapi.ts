/**
 * The OpenAPI 3.1 document of the HTTP API, served at /api/openapi.json: written from the operations'
 * declarations (routes.ts) and the zod schemas that validate requests and shape answers
 * (contract.ts), through zod's own JSON Schema output — so the document cannot drift from the code.
 * Request schemas are read as input (what a client sends: "limit" a string of digits is fine), answers
 * as output (what the server sends).
 */
import { z } from "zod";
import { components } from "./contract.js";
import type { Operation } from "./routes.js";

type Json = Record<string, unknown>;

const REF = (id: string): string => `#/components/schemas/${id}`;

/** A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), named schemas by reference. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const id = components.get(schema)?.id;
  if (id && io === "output") return { $ref: REF(id) };
  // a schema that is not named holds no named one (contract.ts): it is written whole
  const s = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  delete s.$schema;
  return s;
}

/** The properties of an object schema as OpenAPI parameters ("query" or "path"). */
function parameters(schema: z.ZodType | undefined, where: "query" | "path"): Json[] {
  if (!schema) return [];
  const s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => {
    const { description, ...rest } = p;
    return { name, in: where, required: where === "path" || (s.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const ERRORS: Record<number, string> = {
  400: "a bad request: the message names the parameter and what it must be",
  401: "missing or wrong token",
  403: "the server is read-only",
  404: "nothing of that id",
  413: "the request is too large",
  422: "the input cannot be analysed",
  500: "the analysis failed",
  503: "busy: try again after Retry-After seconds",
};

function responses(op: Operation): Json {
  const out: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    if ("safeParse" in r) {
      out[status] = { description: components.get(r)?.description ?? (Number(status) < 300 ? "the answer" : ERRORS[Number(status)] ?? "an error"), content: { "application/json": { schema: jsonSchema(r as z.ZodType, "output") } } };
    } else {
      out[status] = { description: r.description, content: Object.fromEntries(Object.entries(r.media).map(([type, description]) => [type, { schema: { type: "string", description } }])) };
    }
  }
  return out;
}

export function openApi(operations: Operation[]): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const entry: Json = {
      operationId: op.operationId,
      summary: op.summary,
      parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
      responses: responses(op),
    };
    if (op.body) entry.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") }, "text/plain": { schema: { type: "string", description: "the article's text" } } } };
    if (op.security) entry.security = [{ bearer: [] }];
    (paths[op.path] ??= {})[op.method.toLowerCase()] = entry;
  }
  const schemas = (z.toJSONSchema(components, { io: "output", uri: REF, unrepresentable: "any" }) as { schemas: Record<string, Json> }).schemas;
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: { title: "Marsad API", version: "2", description: "Sourced, geocoded events read from Arabic news. Read-only unless the server was started with a token. Corroboration counts distinct outlets: it means reported by N outlets, never confirmed." },
    paths,
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas },
  };
}
