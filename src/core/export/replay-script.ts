import { headerValue, type Exchange, type Header, type RawRequest } from "../exchange/exchange.ts";
import { basicCredentials, redactExchange, redactText, requestParams, type SecretFieldNames, type Secrets } from "../exchange/redact.ts";
import { curlOptions, isBrowserHeader, shellWord, type ShellPart } from "../exchange/to-curl.ts";
import type { Localized } from "../i18n/localized.ts";
import type { ProviderSecrets } from "../provider/contract.ts";
import { bm } from "./messages.ts";

/** A redacted value the script asks for: its variable, the field it came from, its label. */
export interface ReplayVariable {
  name: string;
  field: string;
  label: string;
}

export interface ReplayScript {
  /** The shell text: variable declarations (when redacted), a check that each is filled, the curl. */
  text: string;
  variables: ReplayVariable[];
  /** Where the replay goes: the origin and mount the exchange was sent to. */
  base: string;
  /** A single-use field the request redeems, with the variable that holds it. */
  singleUse?: { field: string; variable: string };
}

const variableName = (field: string) => {
  const name = field.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toUpperCase();
  return !name ? "SECRET" : /^[0-9]/.test(name) ? `V_${name}` : name;
};
const printable = (s: string) => s.replace(/[^\w.:-]/g, "_").slice(0, 64);

/** The origin and mount (`/mock/<id>`, `/w/<ws>/live/<id>`…) of a recorded URL: a replay goes where the exchange went. */
export function replayBase(url: string, providerId: string): string {
  try {
    const u = new URL(url);
    const mount = new RegExp(`^(?:/w/[A-Za-z0-9_-]{8,32})?/(?:mock|live)/${providerId.replace(/[^a-z0-9_-]/gi, "")}(?=/|$)`).exec(u.pathname)?.[0] ?? "";
    return `${u.origin}${mount}`;
  } catch {
    return url;
  }
}

function singleUseIn(request: RawRequest, secrets: ProviderSecrets | undefined): string | undefined {
  const params = requestParams(request);
  const has = (name: string, value?: string) => params.some(([k, v]) => k === name && (value === undefined ? v !== "" : v === value));
  return secrets?.singleUse?.find((s) => has(s.field) && Object.entries(s.when ?? {}).every(([k, v]) => has(k, v)))?.field;
}

/**
 * The curl that replays a recorded request. Redacted, every secret becomes a shell variable
 * declared at the top (named after its field), so that once filled in the replay sends the
 * very bytes that were recorded: a placeholder such as [redacted#…] would get another error.
 */
export function replayScript(e: Exchange, options: { secrets: Secrets; fields: SecretFieldNames; provider: ProviderSecrets | undefined; redact: boolean; t: (text: Localized) => string }): ReplayScript {
  const { secrets, fields, t } = options;
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 26).toString(36)).join("");
  const marker = new RegExp(`zq${nonce}v(\\d+)qz`, "g");
  const variables: Array<ReplayVariable & { value: string }> = [];
  const variableFor = (value: string, field: string | undefined): string => {
    let v = variables.find((x) => x.value === value);
    if (!v) {
      let name = variableName(field ?? "secret");
      for (let n = 2; variables.some((x) => x.name === name); n++) name = `${variableName(field ?? "secret")}_${n}`;
      v = { name, field: printable(field ?? "—"), label: secrets.label(value), value };
      variables.push(v);
    }
    return `zq${nonce}v${variables.indexOf(v)}qz`;
  };
  const labeler = options.redact ? (value: string, field: string | undefined) => variableFor(value, field === "authorization" ? "access_token" : field) : (value: string) => value;
  const parts = (text: string): ShellPart[] => text.split(marker).map((piece, i) => (i % 2 === 1 ? { variable: variables[Number(piece)]!.name } : piece));

  // HTTP Basic goes as -u user:"$PASSWORD": base64 cannot hold a variable.
  const basic = basicCredentials(headerValue(e.request.headers, "authorization") ?? "");
  const headers: Header[] = e.request.headers.filter(([name]) => !isBrowserHeader(name) && !(basic && name.toLowerCase() === "authorization"));
  const request = redactExchange({ ...e, request: { ...e.request, headers } }, secrets, fields, labeler).request;
  const extra = basic ? ["-u", shellWord(parts(`${redactText(basic.user, secrets, labeler)}:${labeler(basic.password, "client_secret")}`))] : [];

  const type = headerValue(headers, "content-type") ?? "";
  const data: string[] = [];
  if (request.body && /x-www-form-urlencoded/i.test(type) && options.redact) {
    let plain: string[] = [];
    const flush = () => plain.length && (data.push("--data-raw", shellWord(parts(plain.join("&")))), (plain = []));
    for (const pair of request.body.split("&")) {
      const [name = "", value] = pair.split(/=(.*)/s);
      if (value !== undefined && new RegExp(`^zq${nonce}v\\d+qz$`).test(value)) {
        flush();
        // curl encodes what follows the `=`, so the variable holds the raw value.
        data.push("--data-urlencode", shellWord([`${name}=`, ...parts(value)]));
      } else plain.push(pair);
    }
    flush();
  } else if (request.body) data.push("--data-raw", shellWord(parts(request.body)));

  const curl = curlOptions({ method: [request.method], url: parts(request.url), headers: request.headers.map(([n, v]) => parts(`${n}: ${v}`)), data, extra })
    .map((option) => option.join(" "))
    .join(" \\\n  ");
  const field = singleUseIn(e.request, options.provider);
  const singleUseVariable = field ? variables.find((v) => v.value && requestParams(e.request).some(([k, x]) => k === field && x === v.value))?.name : undefined;
  const declarations = variables.map((v) => `${v.name}=''  # ${t(bm.fillIn)}: ${v.field} ${v.label}`);
  const check = variables.length ? [`: ${variables.map((v) => `"\${${v.name}:?${t(bm.fillIn)} ${v.name}}"`).join(" ")}`] : [];
  return {
    text: [...(variables.length ? [`# ${t(bm.fillInHeader)}`] : []), ...declarations, ...check, curl].join("\n"),
    variables: variables.map(({ name, field: f, label }) => ({ name, field: f, label })),
    base: replayBase(e.request.url, e.provider),
    ...(field ? { singleUse: { field, variable: singleUseVariable ?? field.toUpperCase() } } : {}),
  };
}
