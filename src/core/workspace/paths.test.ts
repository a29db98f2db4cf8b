import { describe, expect, it } from "vitest";
import { callbackPath, DEFAULT_WORKSPACE, flowPath, homePath, isWorkspaceId, mockBase, pathInWorkspace, samePageIn } from "./paths.ts";

const WS = "AbCdEfGh12_-";

describe("workspace paths", () => {
  it("puts the default workspace at the root and every other under /w/<id>", () => {
    expect(mockBase(DEFAULT_WORKSPACE, "spring")).toBe("/mock/spring");
    expect(mockBase(WS, "spring")).toBe(`/w/${WS}/mock/spring`);
    expect(callbackPath(WS)).toBe(`/w/${WS}/callback`);
    expect(flowPath(WS, "spring", "token")).toBe(`/w/${WS}/spring/token`);
    expect(homePath(DEFAULT_WORKSPACE)).toBe("/");
    expect(homePath(WS)).toBe(`/w/${WS}`);
  });

  it("accepts only ids the server could have made", () => {
    expect(isWorkspaceId(WS)).toBe(true);
    expect(isWorkspaceId(DEFAULT_WORKSPACE)).toBe(false);
    expect(isWorkspaceId("short")).toBe(false);
    expect(isWorkspaceId("../../mock")).toBe(false);
  });

  it("keeps the user's page when switching, but not a callback", () => {
    expect(samePageIn("/spring/token", DEFAULT_WORKSPACE, WS)).toBe(`/w/${WS}/spring/token`);
    expect(samePageIn(`/w/${WS}/pigai/jsonp`, WS, DEFAULT_WORKSPACE)).toBe("/pigai/jsonp");
    expect(samePageIn(`/w/${WS}`, WS, "OtherOther12")).toBe("/w/OtherOther12");
    expect(samePageIn("/", DEFAULT_WORKSPACE, WS)).toBe(`/w/${WS}`);
    expect(samePageIn(`/w/${WS}/callback`, WS, DEFAULT_WORKSPACE)).toBe("/");
    expect(samePageIn("/diagnose", DEFAULT_WORKSPACE, WS)).toBe(`/w/${WS}/diagnose`);
  });
});

describe("pathInWorkspace", () => {
  it("drops a workspace's prefix and keeps everything else", () => {
    expect(pathInWorkspace("/w/abcdefgh12/mock/spring/oauth/token")).toBe("/mock/spring/oauth/token");
    expect(pathInWorkspace("/mock/spring/oauth/token")).toBe("/mock/spring/oauth/token");
    expect(pathInWorkspace("/w/short/mock/x")).toBe("/w/short/mock/x");
    expect(pathInWorkspace("/w/abcdefgh12")).toBe("/w/abcdefgh12");
  });
});
