import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Exchange } from "./exchange.ts";
import { xm } from "./messages.ts";
import { ROW_HEIGHT, TrafficRow } from "./traffic-row.tsx";

interface Props {
  /** Newest first. */
  shown: Exchange[];
  selectedId: number | undefined;
  highlightId: number | undefined;
  /** Whether an exchange failed by its provider's own judgement (a JSONP or "4102" error comes with HTTP 200). */
  failed?: ((e: Exchange) => boolean) | undefined;
  onSelect: (id: number) => void;
}

const STEPS: Record<string, (index: number, last: number, page: number) => number> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, last, page) => Math.min(last, i + page),
  PageUp: (i, _last, page) => Math.max(0, i - page),
  Home: () => 0,
  End: (_i, last) => last,
};

/** The exchanges as a virtualised list: only the rows in view (and a few around) are in the page. */
export function TrafficRows({ shown, selectedId, highlightId, failed, onSelect }: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => shown[i]!.id,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  // New exchanges come in at the top: someone reading further down keeps their place.
  // (The virtualizer's offset, not scrollTop: reading that here would force a layout per batch.)
  const newestId = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const before = newestId.current;
    newestId.current = shown[0]?.id;
    const offset = virtualizer.scrollOffset ?? 0;
    if (offset === 0 || before === undefined || shown[0]?.id === before) return;
    const added = shown.findIndex((e) => e.id === before);
    if (added > 0) virtualizer.scrollToOffset(offset + added * ROW_HEIGHT);
  }, [shown, virtualizer]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLOListElement>) => {
      const step = STEPS[event.key];
      const from = shown.findIndex((e) => e.id === Number((event.target as HTMLElement).closest("li")?.dataset.exchange));
      if (!step || from < 0) return;
      event.preventDefault();
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
      const to = step(from, shown.length - 1, page);
      const id = shown[to]!.id;
      onSelect(id);
      virtualizer.scrollToIndex(to, { align: "auto" });
      // The row may only now be rendered: focus it once it is.
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLButtonElement>(`li[data-exchange="${id}"] button`)?.focus());
    },
    [shown, onSelect, virtualizer],
  );

  const rendered = new Set(items.map((item) => shown[item.index]!.id));
  const tabbableId = selectedId !== undefined && rendered.has(selectedId) ? selectedId : items[0] && shown[items[0].index]!.id;
  return (
    <div ref={scrollRef} className="max-h-64 lg:max-h-none min-h-0 overflow-auto border-b md:border-b-0 md:border-r border-line">
      <p className="sr-only">{t(xm.listKeys)}</p>
      <ol aria-label={t(pm.traffic)} onKeyDown={onKeyDown} className="relative text-xs font-mono" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const e = shown[item.index]!;
          return (
            <TrafficRow
              key={e.id}
              exchange={e}
              index={item.index}
              total={shown.length}
              top={item.start}
              selected={e.id === selectedId}
              tabbable={e.id === tabbableId}
              failing={e.id === highlightId}
              failed={failed ? failed(e) : e.response.status >= 400}
              onSelect={onSelect}
            />
          );
        })}
      </ol>
    </div>
  );
}
