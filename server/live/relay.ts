import { Hono, type Context } from "hono";
import type { Clock } from "../kit/clock.ts";
import { capBody, MAX_BODY_BYTES } from "../kit/http.ts";
import type { TrafficLog } from "../traffic-log.ts";
import { sameOriginWrites } from "../write-guard.ts";
import { recordLive } from "./record-live.ts";
import { forwardedRequestHeaders, returnedResponseHeaders } from "./relay-headers.ts";
import type { LiveTargets } from "./live-targets.ts";
import { sendUpstream, type UpstreamResult } from "./send-upstream.ts";

/** What the relay needs of the workspace (world) it serves. */
export interface LiveWorld {
  /** The workspace's path prefix: "" for the default workspace, "/w/<id>" for another. */
  workspaceBase: string;
  targets: LiveTargets;
  log: TrafficLog;
  clock: Clock;
  /** Whether relayed exchanges are recorded (as the world's mock traffic is). */
  record: boolean;
}

/** How many relayed requests may wait on real servers at once; shared by every world's relay. */
export class InFlightLimit {
  private active = 0;
  constructor(readonly max = 32) {}
  enter(): boolean {
    if (this.active >= this.max) return false;
    this.active++;
    return true;
  }
  leave(): void {
    this.active--;
  }
}

export interface RelayOptions {
  /** No answer within this → 504. */
  timeoutMs?: number;
  /** A real answer's body past this → 502, nothing of it passed on. */
  maxAnswerBytes?: number;
  inFlight?: InFlightLimit;
}

export const LIVE_TIMEOUT_MS = 10_000;

/** Statuses whose answer has no body (a Response refuses one). */
const NO_BODY_STATUS = new Set([204, 205, 304]);

/** The request's path and query exactly as sent (percent-escapes kept), below `segments` leading path segments. */
function documentedPath(url: string, segments: number): { path: string; search: string } {
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  const queryStart = url.indexOf("?", pathStart);
  const path = url.slice(pathStart, queryStart < 0 ? undefined : queryStart);
  const below = path.split("/").slice(segments + 1);
  return { path: below.length > 0 ? `/${below.join("/")}` : "", search: queryStart < 0 ? "" : url.slice(queryStart) };
}

const failure = (c: Context, status: 502 | 504, error: string, description: string) => c.json({ error, error_description: description }, status);

/**
 * `<ws>/live/<provider>/<documented path>`: relays the request to the provider's live target
 * in this workspace and passes the real answer back unchanged (hop-by-hop headers aside),
 * never following a redirect; records both in the workspace's traffic, marked live. Mount at
 * `<ws>/live`, behind the app's host guard.
 */
export function liveRelay(world: LiveWorld, options: RelayOptions = {}): Hono {
  const timeoutMs = options.timeoutMs ?? LIVE_TIMEOUT_MS;
  const maxAnswerBytes = options.maxAnswerBytes ?? MAX_BODY_BYTES;
  const inFlight = options.inFlight ?? new InFlightLimit();
  const app = new Hono();
  // Without it any web page could drive the user's real server through the playground.
  app.use("*", sameOriginWrites());
  app.use("*", capBody((c) => c.json({ error: "payload_too_large", error_description: `The live relay passes on request bodies of up to ${MAX_BODY_BYTES / 1024} KB.` }, 413)));

  const relay = async (c: Context) => {
    const provider = c.req.param("provider") ?? "";
    const { targets } = world;
    if (!targets.knows(provider)) return c.json({ error: "unknown_provider", error_description: `The live relay serves these providers only: ${targets.providers.join(", ")}.` }, 404);
    const target = targets.get(provider);
    if (!target) {
      const put = `PUT ${world.workspaceBase}/mock/_control/targets/${provider}`;
      return c.json({ error: "no_live_target", error_description: `No real server is set for ${provider} in this workspace: ${put} with {"base": "http://localhost:8090"} first.` }, 409);
    }
    if (!inFlight.enter()) return c.json({ error: "live_busy", error_description: `The live relay already waits on ${inFlight.max} real answers; try again when they are in.` }, 429);
    try {
      const base = new URL(target.base);
      const { path, search } = documentedPath(c.req.url, `${world.workspaceBase}/live/${provider}`.split("/").length - 1);
      // Joined as text after the base's own origin: resolved against the base, a path such as
      // //evil.example/ would name another host.
      const url = new URL(`${base.origin}${base.pathname.replace(/\/$/, "")}${path || "/"}${search}`);
      if (url.origin !== base.origin) throw new Error("the relayed URL left the target");
      const method = c.req.method;
      const body = method === "GET" || method === "HEAD" ? undefined : new Uint8Array(await c.req.arrayBuffer());
      const headers = forwardedRequestHeaders(c.req.raw.headers, url.host, body?.byteLength);
      const startedAt = Date.now();
      const virtualTime = world.clock.now();
      const result = await sendUpstream({ url, method, headers, body, timeoutMs, maxAnswerBytes, signal: c.req.raw.signal });
      if (result.kind === "aborted") return new Response(null, { status: 499 });
      const answer = answerOf(c, result, target.base, method, timeoutMs, maxAnswerBytes);
      if (world.record) {
        const request = { method, url: url.href, headers, body };
        recordLive(world.log, { provider, incoming: c.req.raw.headers, startedAt, virtualTime, request, result, relayAnswer: answer });
      }
      return answer;
    } catch {
      // The client hung up while its body was read: nobody is left to answer (the mock's 499).
      if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
      return c.json({ error: "live_bad_request", error_description: "This request cannot be relayed as it is." }, 400);
    } finally {
      inFlight.leave();
    }
  };
  app.all("/:provider/*", relay);
  app.all("/:provider", relay);
  app.all("*", (c) => c.json({ error: "not_found", error_description: `The live relay answers at ${world.workspaceBase}/live/<provider>/<documented path>.` }, 404));
  return app;
}

/** What the client gets: the real answer as it came (hop-by-hop aside), or the relay's own JSON error. */
function answerOf(c: Context, result: Exclude<UpstreamResult, { kind: "aborted" }>, base: string, method: string, timeoutMs: number, maxAnswerBytes: number): Response {
  switch (result.kind) {
    case "unreachable":
      return failure(c, 502, "live_unreachable", `The real server at ${base} could not be reached (${result.message}).`);
    case "timeout":
      return failure(c, 504, "live_timeout", `The real server at ${base} did not answer within ${timeoutMs / 1000} s.`);
    case "too_large":
      return failure(c, 502, "live_answer_too_large", `The real server's answer is larger than the ${maxAnswerBytes / 1024} KB the relay passes on; none of it was passed on.`);
    case "answer": {
      if (result.status < 200 || result.status > 599) return failure(c, 502, "live_bad_answer", `The real server answered with status ${result.status}, which cannot be passed on.`);
      const empty = method === "HEAD" || NO_BODY_STATUS.has(result.status);
      try {
        return new Response(empty ? null : result.body, { status: result.status, headers: returnedResponseHeaders(result.headers) });
      } catch {
        return failure(c, 502, "live_bad_answer", "The real server's answer has headers that cannot be passed on.");
      }
    }
  }
}
