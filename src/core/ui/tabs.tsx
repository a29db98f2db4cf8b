import { useId, useState, type ReactNode } from "react";

/** Accessible tabs (role=tablist/tab/tabpanel) for small switches like Pretty / Raw. */
export function Tabs({ label, tabs }: { label: string; tabs: Array<{ id: string; title: string; content: ReactNode }> }) {
  const [active, setActive] = useState(tabs[0]?.id);
  const base = useId();
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 mb-1">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-${tab.id}-tab`}
            aria-selected={tab.id === current?.id}
            aria-controls={`${base}-${tab.id}-panel`}
            onClick={() => setActive(tab.id)}
            className="tab"
          >
            {tab.title}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${base}-${current.id}-panel`} aria-labelledby={`${base}-${current.id}-tab`}>
          {current.content}
        </div>
      )}
    </div>
  );
}
