import type { RequestSpec, StepContext } from "../../../core/wizard/types.ts";
import type { EasemobFixtures } from "../schemas.ts";
import { DOC_TTL, firstApp } from "./params.ts";
import { ttlStyles, type EasemobValues, type TtlStyle } from "./values.ts";

type Ctx = StepContext<EasemobValues, EasemobFixtures>;

export interface TokenInput {
  org_name: string;
  app_name: string;
  grant_type: string;
  client_id: string;
  client_secret: string;
  ttl: string;
  ttlStyle: TtlStyle;
  body: "json" | "form";
}

export const ttlStyleOf = (value: string | undefined): TtlStyle => ttlStyles.find((s) => s === value) ?? "string";

export const tokenPath = (org: string, app: string) => `/${encodeURIComponent(org)}/${encodeURIComponent(app)}/token`;

/** POST /{org_name}/{app_name}/token as the document sends it: JSON body, Content-Type and Accept application/json. */
export function tokenSpec(input: TokenInput): RequestSpec {
  const payload: Record<string, unknown> = { grant_type: input.grant_type, client_id: input.client_id, client_secret: input.client_secret };
  if (input.ttlStyle === "string") payload.ttl = input.ttl;
  else if (input.ttlStyle === "number") payload.ttl = Number(input.ttl);
  else if (input.ttlStyle === "zero") payload.ttl = 0;
  const path = tokenPath(input.org_name, input.app_name);
  if (input.body === "form") {
    const form = Object.entries(payload)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    return { method: "POST", path, headers: [["Content-Type", "application/x-www-form-urlencoded"], ["Accept", "application/json"]], body: form };
  }
  return { method: "POST", path, headers: [["Content-Type", "application/json"], ["Accept", "application/json"]], body: JSON.stringify(payload, null, 3) };
}

/** The token step's request, from its parameters and options. */
export const tokenSpecFromParams = ({ params, options }: Ctx): RequestSpec =>
  tokenSpec({
    org_name: params.org_name ?? "",
    app_name: params.app_name ?? "",
    grant_type: params.grant_type ?? "",
    client_id: params.client_id ?? "",
    client_secret: params.client_secret ?? "",
    ttl: params.ttl ?? "",
    ttlStyle: ttlStyleOf(options.ttl),
    body: options.body === "form" ? "form" : "json",
  });

/** A token request built from what the flow knows (for the retry, the cache and the ban steps). */
export function tokenSpecFromValues(ctx: Ctx): RequestSpec {
  const v = ctx.values;
  const app = firstApp(ctx);
  return tokenSpec({
    org_name: v.org_name ?? app?.org_name ?? "",
    app_name: v.app_name ?? app?.app_name ?? "",
    grant_type: "client_credentials",
    client_id: v.client_id ?? app?.client_id ?? "",
    client_secret: v.client_secret ?? app?.client_secret ?? "",
    ttl: v.ttl ?? DOC_TTL,
    ttlStyle: v.ttl_style ?? "string",
    body: "json",
  });
}

/** GET /{org_name}/{app_name}/users with the app token. */
export const usersSpec = (org: string, app: string, token: string): RequestSpec => ({
  method: "GET",
  path: `/${encodeURIComponent(org)}/${encodeURIComponent(app)}/users`,
  headers: [["Authorization", `Bearer ${token}`], ["Accept", "application/json"]],
});

export const usersSpecFromParams = ({ params }: Ctx, token = params.access_token ?? "") => usersSpec(params.org_name ?? "", params.app_name ?? "", token);

export const usersSpecFromValues = (ctx: Ctx, token: string) =>
  usersSpec(ctx.values.org_name ?? firstApp(ctx)?.org_name ?? "", ctx.values.app_name ?? firstApp(ctx)?.app_name ?? "", token);

/** Whether the cached token is fresh enough to use without asking for a new one (the cache step's rule). */
export function cachedTokenFresh({ params, now }: Ctx): boolean {
  if (!params.access_token) return false;
  if (params.token_expires_at === "never") return true;
  const expiresAt = Number(params.token_expires_at || NaN);
  return now !== undefined && expiresAt - now > Number(params.refresh_margin || 0);
}
