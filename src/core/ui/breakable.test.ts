import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Breakable } from "./breakable.tsx";

const html = (text: string) => renderToStaticMarkup(createElement(Breakable, { text }));

describe("Breakable", () => {
  it("offers a break before each path segment and query separator, and after = and ：", () => {
    expect(html("获取 access_token：/OAuth2/server_token")).toBe("获取 access_token：<wbr/>/OAuth2<wbr/>/server_token");
    expect(html("Refresh: grant_type=refresh_token")).toBe("Refresh: grant_type=<wbr/>refresh_token");
    expect(html("/a?x=1&y=2")).toBe("/a<wbr/>?x=<wbr/>1<wbr/>&amp;y=<wbr/>2");
  });
  it("keeps a URL's scheme and host together", () => {
    expect(html("http://localhost:4199/w/abc/mock/pigai")).toBe("http://localhost:4199<wbr/>/w<wbr/>/abc<wbr/>/mock<wbr/>/pigai");
  });
  it("keeps a sentence's closing ? and a spaced & on their line", () => {
    expect(html("checkCode: is the previous js_ticket still valid?")).toBe("checkCode: is the previous js_ticket still valid?");
    expect(html("Pigai & Spring?")).toBe("Pigai &amp; Spring?");
  });
  it("leaves text without such characters as it is", () => {
    expect(html("Client setup")).toBe("Client setup");
  });
});
