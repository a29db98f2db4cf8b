import { describe, expect, it } from "vitest";
import { plainQuote } from "./plain-quote.ts";

describe("plainQuote", () => {
  it("drops Markdown bold markers, keeping the words", () => {
    expect(plainQuote("code=W636oE : **必须**，授权服务器返回的授权码")).toBe("code=W636oE : 必须，授权服务器返回的授权码");
    expect(plainQuote("在 **应用授权** 界面输入邮箱和密码的用户")).toBe("在 应用授权 界面输入邮箱和密码的用户");
    expect(plainQuote("**a** and **b**")).toBe("a and b");
  });

  it("shows a table row as its cells and inline code as its text", () => {
    expect(plainQuote("|` secret` | 是 |开放平台提供的密钥|")).toBe("secret · 是 · 开放平台提供的密钥");
    expect(plainQuote("| `client_secret` | String | 是 | 应用的 ClientSecret |")).toBe("client_secret · String · 是 · 应用的 ClientSecret");
    expect(plainQuote("之前的`js_ticket`在10分钟内有效")).toBe("之前的js_ticket在10分钟内有效");
    // A row quoted from its second cell on.
    expect(plainQuote("`code`|是|此处为`网页开发中的JS`获取临时授权码的值|")).toBe("code · 是 · 此处为网页开发中的JS获取临时授权码的值");
  });

  it("takes a block line by line", () => {
    expect(plainQuote("参数：\n| 名称 | 必须 |\n|---|:---:|\n| code | 是 |\n**必须**")).toBe("参数：\n名称 · 必须\ncode · 是\n必须");
  });

  it("drops a GitBook hint's tag", () => {
    expect(plainQuote("[danger]无效返回的则是`status`为`4102`")).toBe("无效返回的则是status为4102");
  });

  it("leaves everything else as the document wrote it", () => {
    expect(plainQuote('"expires_in": 3600*24')).toBe('"expires_in": 3600*24');
    expect(plainQuote("a ** b ** c")).toBe("a ** b ** c");
    expect(plainQuote("**unclosed")).toBe("**unclosed");
    expect(plainQuote("a | b")).toBe("a | b");
  });
});
