/**
 * Live targets belong to a workspace: a target set in one is unknown in every other, and
 * each workspace's relay records into its own traffic only.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createMockApp } from "../app.ts";
import { scriptedServer } from "./scripted-server.ts";

const PLAY = "http://localhost:4173";
const JSON_TYPE = { "content-type": "application/json" };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("live targets per workspace", () => {
  it("a target set in a workspace is not the default's nor another's, and its relay records there only", async () => {
    const upstream = await scriptedServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"access_token":"real","token_type":"Bearer"}');
    });
    close = upstream.close;
    const { app, workspaces, log } = createMockApp();
    const created = async () => {
      const res = await app.request(`${PLAY}/mock/_control/workspaces`, { method: "POST" });
      return ((await res.json()) as { base: string }).base;
    };
    const a = await created();
    const b = await created();
    const put = await app.request(`${PLAY}${a}/mock/_control/targets/spring`, { method: "PUT", headers: JSON_TYPE, body: JSON.stringify({ base: upstream.base }) });
    expect(await put.json()).toMatchObject({ provider: "spring", base: upstream.base, relay: `${a}/live/spring` });

    for (const other of ["", b]) {
      expect(await (await app.request(`${PLAY}${other}/mock/_control/targets`)).json()).toEqual({ targets: {} });
      expect((await app.request(`${PLAY}${other}/live/spring/oauth/token`, { method: "POST" })).status).toBe(409);
    }
    const relayed = await app.request(`${PLAY}${a}/live/spring/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    expect(relayed.status).toBe(200);
    expect(await relayed.json()).toEqual({ access_token: "real", token_type: "Bearer" });
    expect(upstream.arrived.map((r) => r.target)).toEqual(["/oauth/token"]);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const inA = workspaces.find(a.slice(3))!.world.log.list();
    expect(inA.filter((e) => e.live).map((e) => e.request.url)).toEqual([`${upstream.base}/oauth/token`]);
    expect(log.list().some((e) => e.live && e.response.status === 200)).toBe(false);
    expect(workspaces.find(b.slice(3))!.world.log.list().some((e) => e.live && e.response.status === 200)).toBe(false);
  });
});
