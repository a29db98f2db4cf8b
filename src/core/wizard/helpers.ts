import type { RawResponse } from "../exchange/exchange.ts";
import { l, type Localized } from "../i18n/localized.ts";
import type { Fact, Outcome, Values } from "./types.ts";

/** A random, URL-safe state for CSRF protection. Generated once per page load so it stays put while edited. */
export function randomState(length = 12): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}

export const basicAuth = (id: string, secret: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`)))}`;

/** A fact per top-level field of a JSON body, showing its JSON type when the document is picky about it. */
export function fieldFacts(body: unknown, notes: Record<string, Localized> = {}, expiry: string[] = []): Fact[] {
  if (typeof body !== "object" || body === null) return [];
  return Object.entries(body as Record<string, unknown>).map(([name, value]) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const fact: Fact = { label: `${name} (${value === null ? "null" : typeof value})`, value: text };
    if (notes[name]) fact.note = notes[name];
    if (expiry.includes(name) && (typeof value === "number" || typeof value === "string") && Number.isFinite(Number(value))) fact.expiresIn = Number(value);
    return fact;
  });
}

/** The common "HTTP error with the provider's envelope" outcome. */
export function errorOutcome(response: RawResponse | undefined, json: unknown, describe?: (body: Record<string, unknown>) => string): Outcome {
  const body = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : undefined;
  const text = body && describe ? describe(body) : response ? `HTTP ${response.status} ${response.statusText}` : "No request was sent";
  return { status: "error", summary: l(text, text), facts: fieldFacts(json) };
}

/** A fact per query parameter (a redirect's), with an expiry where one is known (e.g. a code's lifetime from the fixtures). */
export function queryFacts(query: URLSearchParams, expiries: Record<string, number | undefined> = {}): Fact[] {
  return [...query].map(([label, value]) => {
    const expiresIn = expiries[label];
    return expiresIn === undefined ? { label, value } : { label, value, expiresIn };
  });
}

/** A numeric setting from the provider's fixtures (GET /mock/_control/fixtures → settings). */
export function fixtureSetting(fixtures: unknown, name: string): number | undefined {
  const value = (fixtures as { settings?: Record<string, unknown> } | undefined)?.settings?.[name];
  return typeof value === "number" ? value : undefined;
}

/** The named parameters of a step, as values to keep (a setup step's or a navigate step's `save`). */
export function pickParams(ctx: { params: Values }, ...names: string[]): Values {
  return Object.fromEntries(names.map((name) => [name, ctx.params[name] ?? ""]));
}
