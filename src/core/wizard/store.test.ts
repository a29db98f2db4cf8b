import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import { createWizardStore, readFlowRecord } from "./store.ts";
import { memoryStorage } from "./testing.ts";

const NAME = "oauth-playground.wizard";
const spring = { workspace: DEFAULT_WORKSPACE, providerId: "spring" };
const saved = { outcome: { status: "success" as const, summary: { en: "Saved.", zh: "已保存。" } }, at: 1 };

/** What version 1 wrote: one world, everything (secrets, results) in localStorage. */
const V1 = {
  version: 1,
  state: {
    flows: {
      spring: {
        values: { client_id: "messaging-client", client_secret: "secret", state: "abc123" },
        edits: { token: { client_secret: "Secret" } },
        options: { token: { style: "query" } },
        results: { client: { ...saved, outcome: { ...saved.outcome, values: { client_id: "messaging-client" } }, virtualAt: 7 } },
      },
    },
    pending: { providerId: "spring", stepId: "authorize", startedAt: 5 },
  },
};

const open = (local = memoryStorage(), session = memoryStorage()) => ({ store: createWizardStore(() => local, () => session), local, session });

afterEach(() => vi.restoreAllMocks());

describe("the persisted wizard store", () => {
  it("migrates version 1: its flows become the default workspace's, and its secrets leave localStorage", () => {
    const local = memoryStorage();
    local.setItem(NAME, JSON.stringify(V1));
    const { store, session } = open(local);
    const record = readFlowRecord(store, spring);
    expect(record.options).toEqual({ token: { style: "query" } });
    expect({ ...record.values, ...record.secrets }).toEqual(V1.state.flows.spring.values);
    expect({ ...record.edits, ...record.secretEdits }).toEqual({ token: { client_secret: "Secret" } });
    expect(record.results.client).toEqual(saved);
    expect(store.getState().pending).toEqual({ workspace: DEFAULT_WORKSPACE, providerId: "spring", stepId: "authorize", startedAt: 5, state: "abc123" });
    const rewritten = local.getItem(NAME) ?? "";
    expect(JSON.parse(rewritten).version).toBe(2);
    expect(rewritten).not.toContain('"secret"');
    expect(rewritten).not.toContain("Secret");
    expect(session.getItem(NAME)).toContain('"client_secret":"secret"');
  });

  it.each([
    ["damaged JSON", "{not json"],
    ["a foreign shape", JSON.stringify({ version: 2, state: { flows: [1, 2, 3] } })],
    ["a record that isn't a flow", JSON.stringify({ version: 2, state: { flows: { default: { spring: { values: "x", edits: {}, options: {} } } } } })],
    ["an unknown version", JSON.stringify({ version: 9, state: { anything: true } })],
  ])("starts fresh from %s in localStorage, with a warning, never a crash", (_what, stored) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const local = memoryStorage();
    local.setItem(NAME, stored);
    const { store } = open(local);
    expect(store.getState().flows).toEqual({});
    expect(store.getState().pending).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    store.getState().optionChosen(spring, "token", "style", "form");
    expect(readFlowRecord(store, spring).options.token).toEqual({ style: "form" });
  });

  it("keeps secrets, secret edits and results in this tab only: a reload brings them back, a new tab does not", () => {
    const { store, local, session } = open();
    store.getState().stepCompleted(spring, "token", saved, { values: { client_id: "messaging-client" }, secrets: { access_token: "tok-123" } });
    store.getState().paramEdited(spring, "token", "client_secret", "s3cr3t", true);
    store.getState().paramEdited(spring, "token", "client_id", "messging-client", false);
    expect(local.getItem(NAME)).not.toMatch(/tok-123|s3cr3t|Saved/);

    const reloaded = readFlowRecord(open(local, session).store, spring);
    expect(reloaded.secrets).toEqual({ access_token: "tok-123" });
    expect(reloaded.secretEdits).toEqual({ token: { client_secret: "s3cr3t" } });
    expect(reloaded.results.token).toEqual(saved);

    const newTab = readFlowRecord(open(local, memoryStorage()).store, spring);
    expect(newTab.values).toEqual({ client_id: "messaging-client" });
    expect(newTab.edits).toEqual({ token: { client_id: "messging-client" } });
    expect(newTab.secrets).toEqual({});
    expect(newTab.results).toEqual({});
  });

  it("keeps each workspace's flows apart", () => {
    const { store } = open();
    const other = { workspace: "other-workspace-1", providerId: "spring" };
    store.getState().optionChosen(other, "token", "style", "query");
    store.getState().flowRestarted(spring);
    expect(readFlowRecord(store, other).options.token).toEqual({ style: "query" });
    expect(readFlowRecord(store, spring).options).toEqual({});
  });

  it("forgets a deleted workspace's flows and its pending redirect, and only those", () => {
    const { store, local } = open();
    const other = { workspace: "other-workspace-1", providerId: "spring" };
    store.getState().optionChosen(other, "token", "style", "query");
    store.getState().optionChosen(spring, "token", "style", "basic");
    store.getState().redirectStarted({ ...other, stepId: "authorize", startedAt: 1 }, { values: {}, secrets: {} });
    store.getState().workspaceDeleted(other.workspace);
    expect(readFlowRecord(store, other).options).toEqual({});
    expect(store.getState().pending).toBeUndefined();
    expect(readFlowRecord(store, spring).options.token).toEqual({ style: "basic" });
    expect(local.getItem(NAME)).not.toContain(other.workspace);
  });

  it("moves a value between kept and secret when it is written as the other kind", () => {
    const { store } = open();
    store.getState().stepCompleted(spring, "a", saved, { values: { code: "c1" }, secrets: {} });
    store.getState().stepCompleted(spring, "b", saved, { values: {}, secrets: { code: "c2" } });
    expect(readFlowRecord(store, spring).values).toEqual({});
    expect(readFlowRecord(store, spring).secrets).toEqual({ code: "c2" });
  });
});
