import { describe, expect, it } from "vitest";
import { plainQuote } from "./plain-quote.ts";

describe("plainQuote", () => {
  it("drops Markdown bold markers, keeping the words", () => {
    expect(plainQuote("code=W636oE : **必须**，授权服务器返回的授权码")).toBe("code=W636oE : 必须，授权服务器返回的授权码");
    expect(plainQuote("在 **应用授权** 界面输入邮箱和密码的用户")).toBe("在 应用授权 界面输入邮箱和密码的用户");
    expect(plainQuote("**a** and **b**")).toBe("a and b");
  });

  it("leaves everything else as the document wrote it", () => {
    expect(plainQuote("|` secret` | 是 |开放平台提供的密钥|")).toBe("|` secret` | 是 |开放平台提供的密钥|");
    expect(plainQuote('"expires_in": 3600*24')).toBe('"expires_in": 3600*24');
    expect(plainQuote("a ** b ** c")).toBe("a ** b ** c");
    expect(plainQuote("**unclosed")).toBe("**unclosed");
  });
});
