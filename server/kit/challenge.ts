/** How a client presented its credentials to a token endpoint. */
export type ClientAuthMethod = "basic" | "form" | "none";

/** A quoted-string parameter value: only printable ASCII, without quotes or backslashes (RFC 7235 §2.1). */
const quotable = (value: string) => value.replace(/[^\x20-\x7e]|["\\]/g, "");

/** A `WWW-Authenticate` challenge: `<scheme> name="value", …`, absent parameters left out. */
export function challenge(scheme: string, params: Record<string, string | undefined>): string {
  const list = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${quotable(value)}"`);
  return list.length ? `${scheme} ${list.join(", ")}` : scheme;
}

/**
 * The challenge of a failed client authentication names the scheme the client used (RFC 6749
 * §5.2). Basic gets the bare `Basic realm` of Spring's BasicAuthenticationEntryPoint; credentials
 * in the body get Spring Security OAuth2's own `Form` scheme (ClientCredentialsTokenEndpointFilter),
 * the one real-world name for them; Bearer is only for a client that sent nothing usable.
 */
export function clientChallenge(method: ClientAuthMethod, realm: string, error: string, description: string): string {
  if (method === "basic") return challenge("Basic", { realm });
  return challenge(method === "form" ? "Form" : "Bearer", { realm, error, error_description: description });
}

/** Which way a request carried client credentials: the Basic header first, then client_id in the parameters. */
export function clientAuthMethod(authorization: string | undefined, clientIdSent: boolean): ClientAuthMethod {
  if (authorization !== undefined && /^Basic(\s|$)/i.test(authorization)) return "basic";
  return clientIdSent ? "form" : "none";
}

/**
 * What to add to "client_id is required" (or client_secret) at a token endpoint whose document
 * shows client credentials in the body only, when the client sent them as HTTP Basic instead.
 */
export function bodyOnlyNote(authorization: string | undefined, missing: string): string {
  return (missing === "client_id" || missing === "client_secret") && clientAuthMethod(authorization, false) === "basic"
    ? " (this server reads client_id and client_secret from the body only, as the document shows; the Authorization: Basic header is not read)"
    : "";
}
