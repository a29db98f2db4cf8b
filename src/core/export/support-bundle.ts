import type { Exchange } from "../exchange/exchange.ts";
import { redactExchanges, redactText, collectSecrets } from "../exchange/redact.ts";
import { toCurl } from "../exchange/to-curl.ts";
import type { Locale } from "../i18n/localized.ts";
import { explainError } from "../provider/explain-error.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";

export interface BundleInput {
  flow: Flow;
  record: FlowRecord;
  exchanges: Exchange[];
  locale: Locale;
  clock: { now: number; offset: number } | undefined;
  permalink: string;
  redact: boolean;
}

const fence = (lang: string, text: string) => {
  const ticks = text.includes("```") ? "````" : "```";
  return `${ticks}${lang}\n${text}\n${ticks}`;
};

function rawRequest(e: Exchange): string {
  const url = new URL(e.request.url);
  return [`${e.request.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...e.request.headers.filter(([n]) => n !== "host").map(([n, v]) => `${n}: ${v}`), "", e.request.body].join("\n").trimEnd();
}

function rawResponse(e: Exchange): string {
  return [`HTTP/1.1 ${e.response.status} ${e.response.statusText}`, ...e.response.headers.map(([n, v]) => `${n}: ${v}`), "", e.response.body].join("\n").trimEnd();
}

const parse = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/** The exchange a support person cares about: the last one the provider's errors explain, else the last 4xx/5xx. */
export function failingExchange(flow: Flow, exchanges: Exchange[]): Exchange | undefined {
  const explained = [...exchanges].reverse().find((e) => e.response.status >= 400 || explainError(flow.contract.errors, e.response.status, parse(e.response.body)));
  return explained;
}

/** A Markdown summary to attach to a ticket: steps, the failing exchange with its explanation and curl, every hop. */
export function supportBundle(input: BundleInput): string {
  const { flow, record, locale, clock } = input;
  const t = (l: { en: string; zh: string }) => l[locale];
  const exchanges = input.redact ? redactExchanges(input.exchanges) : input.exchanges;
  const secrets = input.redact ? collectSecrets(input.exchanges) : [];
  const clean = (s: string) => (input.redact ? redactText(s, secrets) : s);
  const failing = failingExchange(flow, exchanges);
  const lines: string[] = [
    `# OAuth Playground — ${t(flow.contract.name)}`,
    "",
    `- Created: ${new Date().toISOString()}`,
    clock ? `- Virtual clock: ${new Date(clock.now * 1000).toISOString()} (offset ${clock.offset} s)` : "- Virtual clock: unknown",
    `- Source document: ${flow.contract.sourceDocument} (documented base ${flow.contract.documentedBase || "none"} → mock ${flow.contract.mockBase})`,
    `- Secrets: ${input.redact ? "redacted; equal values share a [redacted#…] fingerprint" : "NOT redacted"}`,
    `- Restore these parameters (no secrets): ${input.permalink}`,
    "",
    "## Steps",
    "",
    "| # | Step | Result |",
    "|---|---|---|",
    ...flow.steps.map((step, i) => {
      const r = record.results[step.id];
      const mark = r ? { success: "✓", warning: "⚠", error: "✕" }[r.outcome.status] : "·";
      return `| ${i + 1} | ${t(step.title).replace(/\|/g, "\\|")} | ${mark} ${r ? clean(t(r.outcome.summary)).replace(/\|/g, "\\|") : "not run"} |`;
    }),
    "",
  ];
  if (failing) {
    const why = explainError(flow.contract.errors, failing.response.status, parse(failing.response.body));
    lines.push(`## Failing exchange #${failing.id}`, "");
    if (why) {
      lines.push(`- **Cause:** ${t(why.cause)}`, `- **Fix:** ${t(why.fix)}`);
      if (why.source) lines.push(`- **Document:** \`${why.source}\``);
      lines.push("");
    }
    lines.push(fence("http", rawRequest(failing)), "", fence("http", rawResponse(failing)), "", "Replay against the mock:", "", fence("sh", toCurl(failing.request)), "");
  } else {
    lines.push("## Failing exchange", "", "No error response was recorded.", "");
  }
  lines.push("## Every exchange", "", "| # | Virtual time | Initiator | Request | Status |", "|---|---|---|---|---|");
  for (const e of exchanges) {
    const url = new URL(e.request.url);
    lines.push(`| ${e.id} | ${new Date(e.virtualTime * 1000).toISOString()} | ${e.initiator} | \`${e.request.method} ${(url.pathname + url.search).replace(/\|/g, "%7C")}\` | ${e.response.status} |`);
  }
  return lines.join("\n") + "\n";
}
