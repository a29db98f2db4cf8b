/**
 * A Spring walk against a real server, as the page records it (the runner through the relay) and
 * as the relay records its exchanges (the real server's URL, marked live): the exports carry the
 * live marks and the differences, and no secret typed for the real server.
 */
import { describe, expect, it } from "vitest";
import { mockClient } from "../../server/testing.ts";
import type { Exchange } from "../core/exchange/exchange.ts";
import { fromHar } from "../core/exchange/har-import.ts";
import { collectSecrets } from "../core/exchange/redact.ts";
import { exportHar } from "../core/export/har-export.ts";
import { flowSecretFields, recordSecrets } from "../core/export/secret-fields.ts";
import { supportBundle } from "../core/export/support-bundle.ts";
import { stepContext } from "../core/wizard/engine.ts";
import { runStep } from "../core/wizard/runner.ts";
import { readFlowRecord } from "../core/wizard/store.ts";
import { liveTarget, placeFor } from "../core/wizard/target.ts";
import { fakeWorld } from "../core/wizard/testing.ts";
import type { Flow } from "../core/wizard/types.ts";
import { findProvider } from "./registry.ts";

const ORIGIN = "http://localhost:4173";
const REAL = "http://localhost:8090";
const SECRET = "real-server-secret-42";
const ACCESS = "real-access-token-0123456789";
const CODE = "real-code-abcdef";
const WS = "liveExportWs1";

const tokenAnswer = { access_token: ACCESS, token_type: "Bearer", expires_in: 3600, refresh_token: "real-refresh-token-987", scope: "read write" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function relayed(id: number, body: string, status: number, answer: unknown): Exchange {
  return {
    id,
    provider: "spring",
    initiator: "fetch",
    startedAt: 0,
    virtualTime: 1_700_000_000,
    durationMs: 5,
    request: { method: "POST", url: `${REAL}/oauth/token`, headers: [["content-type", "application/x-www-form-urlencoded"]], body },
    response: { status, statusText: "", headers: [["content-type", "application/json"]], body: JSON.stringify(answer) },
    live: true,
  };
}

async function liveWalk() {
  const flow = (await findProvider("spring")!.loadFlow()) as Flow;
  const fixtures = ((await (await mockClient().get("/mock/_control/fixtures")).json()) as Record<string, unknown>).spring;
  const place = placeFor(ORIGIN, WS, "spring", liveTarget(ORIGIN, WS, "spring", REAL));
  const world = fakeWorld(() => Response.json(tokenAnswer));
  const step = (id: string) => flow.steps.find((s) => s.id === id)!;
  const store = world.fx.store.getState();
  store.paramEdited(place, "client", "client_secret", SECRET, true);
  await runStep(flow, step("client"), stepContext(flow, step("client"), readFlowRecord(world.fx.store, place), { fixtures, place }), place, world.fx);
  store.paramEdited(place, "token", "code", CODE, true);
  await runStep(flow, step("token"), stepContext(flow, step("token"), readFlowRecord(world.fx.store, place), { fixtures, place }), place, world.fx);
  const sent = form({ grant_type: "authorization_code", code: CODE, client_id: "messaging-client", client_secret: SECRET, redirect_uri: `${ORIGIN}/w/${WS}/callback` });
  const exchanges = [relayed(1, sent, 200, tokenAnswer), relayed(2, sent, 400, { error: "invalid_grant", error_description: `Invalid authorization code: ${CODE}` })];
  return { flow, world, place, record: readFlowRecord(world.fx.store, place), exchanges };
}

describe("exports of a live walk", () => {
  it("sends the token request to the relay, and keeps the secret typed for the real server out of localStorage", async () => {
    const { world, record } = await liveWalk();
    expect(world.fetched.map((f) => f.url)).toEqual([`${ORIGIN}/w/${WS}/live/spring/oauth/token`]);
    expect(String(world.fetched[0]!.init?.body)).toContain(`client_secret=${SECRET}`);
    expect(world.local.getItem("oauth-playground.wizard")).not.toContain(SECRET);
    expect(world.local.getItem("oauth-playground.wizard")).not.toContain(ACCESS);
    expect(world.session.getItem("oauth-playground.wizard")).toContain(SECRET);
    expect(record.results.token?.live?.differences?.map((d) => d.text.en)).toEqual(["token_type is 'Bearer'; the document shows 'bearer'", "expires_in 3600; the document's example is 43199"]);
  });

  it("puts the conformance report in the support bundle, redacted, with the replay aimed at the real server", async () => {
    const { flow, record, exchanges } = await liveWalk();
    const bundle = supportBundle({ flow, record, exchanges, locale: "en", clock: undefined, permalink: "", redact: true });
    expect(bundle).toContain("## Differences from the document (real server)");
    expect(bundle).toContain(`Steps run against the real server ${REAL}`);
    expect(bundle).toMatch(/- 4\. Exchange the code: POST \/oauth\/token: 2 differences\n {2}- token_type is 'Bearer'; the document shows 'bearer'\n {2}- expires_in 3600; the document's example is 43199/);
    expect(bundle).toContain(`${REAL}/oauth/token`);
    for (const secret of [SECRET, ACCESS, CODE]) expect(bundle).not.toContain(secret);
    const zh = supportBundle({ flow, record, exchanges, locale: "zh", clock: undefined, permalink: "", redact: true });
    expect(zh).toContain("与文档的差异（真实服务器）");
    expect(zh).toContain("token_type 是 'Bearer'；文档中是 'bearer'");
  });

  it("marks live exchanges in the HAR, reads the mark back, and redacts them like the mock's", async () => {
    const { flow, record, exchanges } = await liveWalk();
    const fields = flowSecretFields(flow);
    const har = exportHar(exchanges, { secrets: collectSecrets(exchanges, fields, recordSecrets(record, fields)), fields });
    for (const secret of [SECRET, ACCESS, CODE]) expect(har).not.toContain(secret);
    const back = fromHar(har);
    expect(back.map((e) => [e.request.url, e.live])).toEqual([
      [`${REAL}/oauth/token`, true],
      [`${REAL}/oauth/token`, true],
    ]);
  });

  it("says nothing about live targets when every step ran against the mock", async () => {
    const { flow, exchanges } = await liveWalk();
    const mockRecord = { values: {}, secrets: {}, edits: {}, secretEdits: {}, options: {}, results: {} };
    expect(supportBundle({ flow, record: mockRecord, exchanges: exchanges.map(({ live: _live, ...e }) => e), locale: "en", clock: undefined, permalink: "", redact: true })).not.toContain("real server");
  });
});
