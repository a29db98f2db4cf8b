import { useEffect, useState, type RefObject } from "react";

/** Whether a scrolling box has more below what it shows, kept up to date as it scrolls, resizes or its content grows. */
function useMoreBelow(box: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setMore(el.scrollHeight - el.scrollTop - el.clientHeight > 4);
    check();
    el.addEventListener("scroll", check, { passive: true });
    const resized = new ResizeObserver(check);
    resized.observe(el);
    for (const child of el.children) resized.observe(child);
    const changed = new MutationObserver(check);
    // Also attributes: a <details> opening (a quirk, the document's lines) changes only its open attribute.
    changed.observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
    return () => {
      el.removeEventListener("scroll", check);
      resized.disconnect();
      changed.disconnect();
    };
  }, [box]);
  return more;
}

/**
 * A cue at the bottom edge of a scrolling column while it has more below: a fade and a "More below"
 * button that scrolls it on. Without it a line cut by the pinned request preview reads as the end.
 * Keyboard and screen-reader users reach the content itself, so the cue is for the pointer only.
 */
export function MoreBelow({ box, label }: { box: RefObject<HTMLElement | null>; label: string }) {
  const more = useMoreBelow(box);
  if (!more) return null;
  return (
    <div aria-hidden="true" className="more-below">
      <button type="button" tabIndex={-1} className="more-below-button" onClick={() => box.current?.scrollBy({ top: box.current.clientHeight * 0.8, behavior: "smooth" })}>
        {label} ↓
      </button>
    </div>
  );
}
