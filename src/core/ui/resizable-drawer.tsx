import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

interface Props {
  /** The drawer's accessible name (a complementary landmark), e.g. "Traffic drawer". */
  label: string;
  /** The handle's accessible name, e.g. "Resize the traffic panel". */
  handleLabel: string;
  /** Folded to its content's title bar: no handle, no fixed height. */
  collapsed: boolean;
  height: number;
  onResize(height: number): void;
  children: ReactNode;
}

const MIN = 120;
const STEP = 24;
/** What the drawer leaves above it: the header and enough of the work area to read a step. */
const KEEP_ABOVE = 300;

function useWindowHeight() {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const changed = () => setHeight(window.innerHeight);
    window.addEventListener("resize", changed);
    return () => window.removeEventListener("resize", changed);
  }, []);
  return height;
}

/**
 * A drawer along the bottom of the page, its height dragged with the pointer or set with the
 * keyboard on its handle (a separator: arrows, Page Up/Down, Home, End). Only where the page is
 * laid out as a fixed work area (lg and up); below that it is part of the scrolling page.
 */
export function ResizableDrawer({ label, handleLabel, collapsed, height, onResize, children }: Props) {
  const max = Math.max(MIN, useWindowHeight() - KEEP_ABOVE);
  const clamp = (h: number) => Math.min(max, Math.max(MIN, Math.round(h)));
  const [dragged, setDragged] = useState<number | undefined>();
  const drag = useRef<{ y: number; from: number } | undefined>(undefined);
  const shown = clamp(dragged ?? height);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, from: shown };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setDragged(clamp(drag.current.from + drag.current.y - e.clientY));
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = undefined;
    if (dragged !== undefined) onResize(dragged);
    setDragged(undefined);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: shown + STEP, ArrowDown: shown - STEP, PageUp: shown + 4 * STEP, PageDown: shown - 4 * STEP, Home: MIN, End: max }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onResize(clamp(next));
  };

  return (
    <aside aria-label={label} className="shrink-0 min-h-0 flex flex-col border-t border-line bg-surface" style={collapsed ? undefined : { ["--drawer-height" as string]: `${shown}px` }}>
      {!collapsed && (
        <div
          role="separator"
          aria-orientation="horizontal"
          aria-label={handleLabel}
          aria-valuenow={shown}
          aria-valuemin={MIN}
          aria-valuemax={max}
          aria-valuetext={`${shown} px`}
          tabIndex={0}
          className="drawer-handle"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
      {/* Clipped: whatever the content does, the drawer never grows the page past the window. */}
      <div className={`relative min-h-0 flex flex-col ${collapsed ? "" : "lg:h-(--drawer-height) lg:overflow-hidden"}`}>{children}</div>
    </aside>
  );
}
