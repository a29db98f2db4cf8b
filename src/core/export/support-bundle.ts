import type { Exchange } from "../exchange/exchange.ts";
import { collectSecrets, redactExchange, redactText } from "../exchange/redact.ts";
import type { Locale } from "../i18n/localized.ts";
import type { FlowRecord } from "../wizard/store.ts";
import type { Flow } from "../wizard/types.ts";
import { failingExchange, failureOf } from "../provider/failure.ts";
import { conformanceReport } from "../live/conformance.ts";
import { bm } from "./messages.ts";
import { replayScript } from "./replay-script.ts";
import { flowSecretFields, recordSecrets } from "./secret-fields.ts";

export { failingExchange };

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
  const ticks = "`".repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text}\n${ticks}`;
};
/** An inline code span that survives backticks inside (the open platform's "` secret`"). */
const code = (s: string) => {
  const ticks = "`".repeat(Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${ticks} ${s} ${ticks}`;
};
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function target(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host, path: u.pathname + u.search };
  } catch {
    return { host: "", path: url };
  }
}

function rawRequest(e: Exchange): string {
  const { host, path } = target(e.request.url);
  return [`${e.request.method} ${path} HTTP/1.1`, `host: ${host}`, ...e.request.headers.filter(([n]) => n.toLowerCase() !== "host").map(([n, v]) => `${n}: ${v}`), "", e.request.body].join("\n").trimEnd();
}

function rawResponse(e: Exchange): string {
  return [`HTTP/1.1 ${e.response.status} ${e.response.statusText}`, ...e.response.headers.map(([n, v]) => `${n}: ${v}`), "", e.response.body].join("\n").trimEnd();
}

/** A Markdown summary to attach to a ticket: steps, the failing exchange with its explanation and a replay, every hop. */
export function supportBundle(input: BundleInput): string {
  const { flow, record, locale, clock } = input;
  const t = (text: { en: string; zh: string }) => text[locale];
  const fields = flowSecretFields(flow);
  const secrets = input.redact ? collectSecrets(input.exchanges, fields, recordSecrets(record, fields)) : undefined;
  const shown = (e: Exchange) => (secrets ? redactExchange(e, secrets, fields) : e);
  const clean = (s: string) => (secrets ? redactText(s, secrets) : s);
  const contract = flow.contract;
  const lines: string[] = [
    `# OAuth Playground — ${t(contract.name)}`,
    "",
    `- ${t(bm.created)}: ${new Date().toISOString()}`,
    `- ${t(bm.clock)}: ${clock ? `${new Date(clock.now * 1000).toISOString()} (${t(bm.offset(clock.offset))})` : t(bm.clockUnknown)}`,
    `- ${t(bm.source)}: ${contract.sourceDocument} (${t(bm.documentedBase(contract.documentedBase || t(bm.none), contract.mockBase))})`,
    `- ${t(bm.secrets)}: ${t(input.redact ? bm.redacted : bm.notRedacted)}`,
    `- ${t(bm.permalink)}: ${input.permalink}`,
    "",
    `## ${t(bm.steps)}`,
    "",
    `| # | ${t(bm.step)} | ${t(bm.result)} |`,
    "|---|---|---|",
    ...flow.steps.map((step, i) => {
      const r = record.results[step.id];
      const mark = r ? { success: "✓", warning: "⚠", error: "✕" }[r.outcome.status] : "·";
      return `| ${i + 1} | ${cell(t(step.title))} | ${mark} ${r ? cell(clean(t(r.outcome.summary))) : t(bm.notRun)} |`;
    }),
    "",
    ...conformanceReport(flow, record, t, clean),
  ];
  const failing = failingExchange(flow, input.exchanges);
  if (failing) {
    const failure = failureOf(contract, failing.response)!;
    const why = failure.explanation;
    lines.push(`## ${t(bm.failing(failing.id))}`, "", `- ${t(bm.failedBy[failure.reason](failing.response.status))}`);
    if (why) {
      lines.push(`- **${t(bm.cause)}:** ${t(why.cause)}`, `- **${t(bm.fix)}:** ${t(why.fix)}`);
      if (why.source) lines.push(`- **${t(bm.document)}:** ${code(why.source)}`);
    }
    const replay = replayScript(failing, { secrets: secrets ?? collectSecrets([], fields), fields, provider: contract.secrets, redact: input.redact, t });
    lines.push("", fence("http", rawRequest(shown(failing))), "", fence("http", rawResponse(shown(failing))), "", `### ${t(bm.replay)}`, "", t(bm.replayTarget(replay.base)));
    if (replay.variables.length) lines.push("", t(bm.replayVariables));
    if (replay.singleUse) lines.push("", t(bm.singleUse(replay.singleUse.field, replay.singleUse.variable)));
    lines.push("", fence("sh", replay.text), "");
  } else {
    lines.push(`## ${t(bm.failingNone)}`, "", t(bm.noFailure), "");
  }
  lines.push(`## ${t(bm.everyExchange)}`, "", `| # | ${t(bm.virtualTime)} | ${t(bm.initiator)} | ${t(bm.request)} | ${t(bm.status)} | ${t(bm.failed)} |`, "|---|---|---|---|---|---|");
  for (const original of input.exchanges) {
    const e = shown(original);
    const failure = failureOf(contract, original.response);
    lines.push(
      `| ${e.id} | ${new Date(e.virtualTime * 1000).toISOString()} | ${e.initiator} | ${cell(code(`${e.request.method} ${target(e.request.url).path}`))} | ${e.response.status} | ${failure ? `✕ ${failure.reason}` : ""} |`,
    );
  }
  return lines.join("\n") + "\n";
}
