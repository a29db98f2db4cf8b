export type JsonpStyle = "script" | "jquery";

const SCRIPT_PREFIX = "__playgroundJsonp_";

/** How a style's callback (and jQuery's cache-buster) reads before a run names it, for the request preview. */
export const callbackPlaceholder = (style: JsonpStyle): string => (style === "jquery" ? "jQuery…_…&_=…" : `${SCRIPT_PREFIX}…`);

/**
 * Runs a JSONP request with a real <script> element. "script" names the callback
 * itself; "jquery" names it the way jQuery's $.ajax({dataType: 'jsonp'}) does and
 * adds its `_=` cache-buster, as in the document's example.
 */
export function runJsonp(baseUrl: string, callbackParam: string, style: JsonpStyle, timeoutMs = 8000): Promise<{ url: string; payload: unknown }> {
  const now = Date.now();
  const name =
    style === "jquery"
      ? `jQuery${("3.7.1" + Math.random()).replace(/\D/g, "").slice(0, 20)}_${now}`
      : `${SCRIPT_PREFIX}${now.toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(baseUrl);
  url.searchParams.set(callbackParam, name);
  if (style === "jquery") url.searchParams.set("_", String(now + 1));
  const target = window as unknown as Record<string, unknown>;
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    const cleanup = () => {
      delete target[name];
      script.remove();
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("JSONP timed out: the callback was never called"));
    }, timeoutMs);
    target[name] = (payload: unknown) => {
      cleanup();
      resolve({ url: url.toString(), payload });
    };
    script.onerror = () => {
      cleanup();
      reject(new Error(`The script failed to load (HTTP error or refused): ${url.toString()}`));
    };
    script.src = url.toString();
    document.head.append(script);
  });
}
