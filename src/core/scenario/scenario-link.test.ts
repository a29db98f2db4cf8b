import { describe, expect, it } from "vitest";
import { l } from "../i18n/localized.ts";
import { matchesScenario, scenarioLink } from "./scenario-link.ts";
import type { Scenario } from "./types.ts";

const reused: Scenario = {
  id: "code-reused",
  title: l("Authorization code used twice", "授权码被使用了两次"),
  symptom: l("The second POST /oauth/token answers 400 invalid_grant", "第二次 POST /oauth/token 返回 400 invalid_grant"),
  cause: l("Codes are single-use.", "授权码只能使用一次。"),
  fix: l("Exchange each code exactly once.", "每个授权码只兑换一次。"),
  source: "code=W636oE : **必须**",
  shows: "Invalid authorization code",
  failingStep: "token",
  script: [],
};

describe("scenario filter", () => {
  it("matches every word of the filter, case-insensitively, in either language", () => {
    expect(matchesScenario(reused, "")).toBe(true);
    expect(matchesScenario(reused, "INVALID_GRANT")).toBe(true);
    expect(matchesScenario(reused, "invalid authorization code")).toBe(true);
    expect(matchesScenario(reused, "授权码")).toBe(true);
    expect(matchesScenario(reused, "  400   token ")).toBe(true);
  });

  it("refuses a scenario missing any word", () => {
    expect(matchesScenario(reused, "invalid_grant redirect_uri")).toBe(false);
    expect(matchesScenario(reused, "429")).toBe(false);
  });
});

describe("scenario link", () => {
  it("names the provider and the scenario, encoded", () => {
    expect(scenarioLink("http://localhost:4173", "spring", "code-reused")).toBe("http://localhost:4173/spring?scenario=code-reused");
    expect(scenarioLink("http://x", "pigai", "a b&c")).toBe("http://x/pigai?scenario=a%20b%26c");
  });
});
