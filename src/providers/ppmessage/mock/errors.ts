import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { challenge, clientChallenge } from "../../../../server/kit/challenge.ts";
import type { HeaderRecord } from "../../../../server/kit/http.ts";

/**
 * PPMessage's API_ERR codes (ppmessage/api/error.py), sent as strings because
 * the document's example says `"error_code": "0"`.
 */
export const PP_ERR = {
  NO_ERR: ["0", "success"],
  NO_JSON: ["1", "request not json."],
  NO_ACCESS_TOKEN: ["3", "no such access token."],
  WRONG_ACCESS_TOKEN: ["4", "wrong access token."],
  NO_VALID: ["5", "session timeout or already logout."],
  NO_PARA: ["6", "required parameter not provided."],
  NO_USER: ["7", "no such user"],
  NO_APP: ["13", "no such application."],
  NO_ACTION: ["21", "no such action."],
} as const satisfies Record<string, readonly [string, string]>;

export type PpErr = keyof typeof PP_ERR;

/**
 * The one error writer, for a mock mounted at `mountPath`: PPMessage's API envelope
 * `{error_code, error_string, uri}` for /api/*, and for /ppauth/* (where the document
 * is silent; assumed) an OAuth-style `{error, error_description}`.
 */
export function ppmessageErrors(mountPath: string) {
  /** The path after the mount, as the real server would see it. */
  const documentedPath = (c: Context): string => (c.req.path.startsWith(mountPath) ? c.req.path.slice(mountPath.length) : c.req.path) || "/";

  function ppError(c: Context, status: ContentfulStatusCode, err: PpErr | { error: string; description: string }, detail?: string, headers?: HeaderRecord): Response {
    if (typeof err === "object") {
      // The token request carries its credentials in the body (the document's only way).
      const form = status === 401 ? { "www-authenticate": clientChallenge("form", "ppauth", err.error, err.description) } : undefined;
      return c.json({ error: err.error, error_description: err.description }, status, { "cache-control": "no-store", ...form, ...headers });
    }
    const [code, text] = PP_ERR[err];
    const oauth = status === 401 ? { "www-authenticate": challenge("OAuth", { realm: "ppmessage" }) } : undefined;
    const path = documentedPath(c);
    const name = /^\/api\/([^/]+)$/.exec(path)?.[1];
    const body = { error_code: code, error_string: detail ? `${text} ${detail}` : text, uri: name ? `/${name}` : path };
    return c.json(body, status, { "cache-control": "no-store", ...oauth, ...headers });
  }

  const tooLarge = (c: Context) =>
    documentedPath(c).startsWith("/ppauth/")
      ? ppError(c, 413, oauthError("invalid_request", "Request body too large (limit 64 KB)"))
      : ppError(c, 413, "NO_JSON", "Request body too large (limit 64 KB).");

  return { ppError, tooLarge };
}

export const oauthError = (error: string, description: string) => ({ error, description });
