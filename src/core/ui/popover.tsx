import { useEffect, useId, useRef, useState, type ReactNode } from "react";

interface Props {
  /** The dialog's accessible name. */
  label: string;
  /** What the button shows: a compact summary of the state the dialog changes. */
  summary: ReactNode;
  /** The button's accessible name, when the summary alone does not say what it opens. */
  buttonLabel?: string;
  buttonClassName?: string;
  children: (close: () => void) => ReactNode;
}

/**
 * A header button that opens a small dialog below it: the header keeps one line whatever the
 * dialog holds. Escape or a click elsewhere closes it; focus goes back to the button on Escape.
 */
export function Popover({ label, summary, buttonLabel, buttonClassName = "", children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className={`btn-quiet h-8 ${buttonClassName}`}
        aria-expanded={open}
        aria-controls={id}
        aria-haspopup="dialog"
        aria-label={buttonLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {summary}
      </button>
      <div id={id} role="dialog" aria-label={label} hidden={!open} className="popover">
        {children(() => setOpen(false))}
      </div>
    </div>
  );
}
