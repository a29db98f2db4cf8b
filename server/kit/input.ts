import type { Context } from "hono";
import { readParams, type Params, type ReadOptions } from "./params.ts";

type Answer = Response | Promise<Response>;

/** An endpoint's accepted encodings and how its provider words each refusal, in its own envelope. */
export interface InputLadder {
  read: ReadOptions;
  /** The body's encoding is not one the endpoint takes (415, or the provider's equivalent). */
  unsupported(c: Context, contentType: string): Answer;
  /** The body does not parse as what its Content-Type says. */
  malformed(c: Context, detail: string): Answer;
  /** A parameter was given more than once. */
  repeated(c: Context, name: string): Answer;
}

/** Names that must be present and non-empty, and the provider's answer for the first one that is not. */
export interface RequiredNames {
  names: readonly string[];
  missing(c: Context, name: string): Answer;
}

/**
 * The one input reader: unsupported encoding, then a malformed body, then repeated names, then
 * missing ones, each refused by the provider's own writer. Never throws on bad input.
 */
export async function readInput(c: Context, ladder: InputLadder, required?: RequiredNames): Promise<Params | Response> {
  const read = await readParams(c, ladder.read);
  if (!read.ok) {
    const { problem } = read;
    return problem.kind === "unsupported_media_type" ? ladder.unsupported(c, problem.contentType) : ladder.malformed(c, problem.detail);
  }
  const params = read.params;
  const repeated = params.repeated();
  if (repeated !== undefined) return ladder.repeated(c, repeated);
  if (required) {
    const missing = params.missing(...required.names);
    if (missing !== undefined) return required.missing(c, missing);
  }
  return params;
}
