import { memo } from "react";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import { lm } from "../live/messages.ts";
import type { Exchange } from "./exchange.ts";
import { pathInWorkspace } from "../workspace/paths.ts";
import { useShownUrl } from "./redaction-context.tsx";
import { readableUrl } from "./screen-redaction.ts";

/** Row height in px: the virtualised list places rows by it, and the row's classes give exactly that. */
export const ROW_HEIGHT = 24;

const statusTone = (status: number, failed: boolean) =>
  failed ? "text-red-700 dark:text-red-300" : status >= 300 ? "text-amber-800 dark:text-amber-300" : "text-emerald-700 dark:text-emerald-300";

/** The row's path: the panel shows one workspace, so its /w/<id> prefix would only push the path out of the row. */
function pathOf(url: string) {
  const parsed = new URL(url, window.location.origin);
  return (parsed.origin === window.location.origin ? pathInWorkspace(parsed.pathname) : parsed.pathname) + parsed.search;
}

/**
 * A path that does not fit gives way in its query first, then in its middle, never in its last
 * segment: "/mock/easemob/easemob-demo/testapp/token" and ".../users" share their start, and it is
 * the last segment that tells rows apart.
 */
function RowPath({ path }: { path: string }) {
  const at = path.indexOf("?");
  const [route, query] = at < 0 ? [path, ""] : [path.slice(0, at), path.slice(at)];
  const cut = route.lastIndexOf("/");
  const [head, last] = cut > 0 ? [route.slice(0, cut), route.slice(cut)] : ["", route];
  return (
    <span className="flex flex-1 min-w-0 whitespace-nowrap" title={path}>
      {/* Read whole: the parts, being flex items, would be read with spaces between them. */}
      <span className="sr-only">{path}</span>
      <span className="truncate min-w-[4ch]" aria-hidden="true">
        {head}
      </span>
      <span className="shrink-0 max-w-[60%] truncate" aria-hidden="true">
        {last}
      </span>
      {query && (
        <span className="truncate min-w-0 shrink-[8]" aria-hidden="true">
          {query}
        </span>
      )}
    </span>
  );
}

interface RowProps {
  exchange: Exchange;
  /** Position in the shown list (newest first), and the list's length. */
  index: number;
  total: number;
  top: number;
  selected: boolean;
  /** The list's one Tab stop (the selected row, or the first one rendered): arrow keys do the rest. */
  tabbable: boolean;
  failing: boolean;
  /** The answer is a failure, by its status or the provider's error envelope in a 200. */
  failed: boolean;
  onSelect: (id: number) => void;
}

/** One exchange in the list; memoised, so a batch of new exchanges renders only the rows it moves. */
export const TrafficRow = memo(function TrafficRow({ exchange: e, index, total, top, selected, tabbable, failing, failed, onSelect }: RowProps) {
  const t = useT();
  const { shown: url } = useShownUrl(e.request.url);
  const failedDespiteStatus = failed && e.response.status < 400;
  return (
    <li aria-setsize={total} aria-posinset={index + 1} data-exchange={e.id} className="absolute inset-x-0" style={{ top, height: ROW_HEIGHT }}>
      <button
        type="button"
        aria-current={selected ? "true" : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onSelect(e.id)}
        className={`w-full h-full text-left px-3 py-1 flex gap-2 items-baseline hover:bg-surface-2 ${selected ? "bg-surface-2" : ""} ${failing ? "ring-2 ring-inset ring-red-500" : ""}`}
      >
        <span className="text-muted w-8 shrink-0">#{e.id}</span>
        {failing && <span className="sr-only">{t(pm.failingExchange)}</span>}
        <span className={`w-8 shrink-0 ${statusTone(e.response.status, failed)}`}>
          {e.response.status}
          {failedDespiteStatus && (
            <span title={t(pm.errorNotByStatus)} aria-hidden="true">
              ✕
            </span>
          )}
        </span>
        <span className="w-10 shrink-0 font-semibold">{e.request.method}</span>
        {e.live && <span className="chip chip-info shrink-0 font-sans" title={t(lm.liveHelp)}>{t(lm.live)}</span>}
        <RowPath path={readableUrl(pathOf(url))} />
        {/* After the path, so "200 GET /path" reads as it does in every other row. */}
        {failedDespiteStatus && <span className="sr-only">{t(pm.errorNotByStatus)}</span>}
        <span className="text-muted shrink-0 hidden xl:inline">{t(pm.initiator[e.initiator])}</span>
      </button>
    </li>
  );
});
