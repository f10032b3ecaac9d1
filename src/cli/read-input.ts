/** Reading one input — a file path or "-" for standard input — with the errors a user can cause. */
import { readFileSync, statSync } from "node:fs";
import { EXIT, MarsadError } from "../errors.js";

export async function readInput(path: string, maxBytes: number): Promise<Buffer> {
  if (path === "-") return readStdin(maxBytes);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new MarsadError(`no such file: ${path}; check the path (or give - to read standard input)`, EXIT.notFound);
  }
  if (st.isDirectory()) throw new MarsadError(`${path} is a directory; analyze reads one article file (use \`marsad ingest ${path}\` for a folder)`, EXIT.notFound);
  if (!st.isFile()) throw new MarsadError(`${path} is not a regular file; give an article's text or HTML file`, EXIT.notFound);
  if (st.size > maxBytes) throw new MarsadError(`${path} is ${(st.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit; raise it with --max-size <MB>`, EXIT.tooLarge);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new MarsadError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check its permissions`, EXIT.notFound);
  }
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  if (process.stdin.isTTY) throw new MarsadError("no input: give a file path, or pipe an article into `marsad analyze -`", EXIT.usage);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new MarsadError(`standard input is over the ${(maxBytes / 1048576).toFixed(1)} MB limit; raise it with --max-size <MB>`, EXIT.tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
