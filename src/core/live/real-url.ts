import type { Target } from "../wizard/types.ts";

/** Where a request sent to the relay really goes: the relay's base mapped back to the real server's (a curl needs no playground). */
export function realUrl(url: string, target: Target): string {
  if (!target.real || !url.startsWith(target.serverBase)) return url;
  const rest = url.slice(target.serverBase.length);
  return target.real.replace(/\/+$/, "") + (rest.startsWith("/") || rest === "" ? rest : `/${rest}`);
}
