import { useState } from "react";
import { messages } from "../i18n/messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Localized } from "../i18n/localized.ts";

/** `name` is the accessible name when several copy buttons share one visible label. */
export function CopyButton({ text, label = messages.copy, name }: { text: string; label?: Localized; name?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard denied (http origin, headless): fall back to a selection-based copy.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" onClick={() => void copy()} className="btn-quiet text-xs whitespace-nowrap shrink-0" aria-label={name ?? t(label)}>
      {copied ? t(messages.copied) : t(label)}
    </button>
  );
}
