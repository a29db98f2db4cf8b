import { create } from "zustand";
import { persist } from "zustand/middleware";
import { useShallow } from "zustand/react/shallow";
import { isBoolean, readStored } from "./stored.ts";


interface RedactionState {
  /** "Redact secrets": exports, and every view and copy on screen, show fingerprints. On until unticked. */
  redact: boolean;
  /** Values the user chose to see in clear: memory only, never stored. */
  revealed: ReadonlySet<string>;
  redactionToggled(on: boolean): void;
  valueRevealed(value: string): void;
  valueHidden(value: string): void;
}

const useRedactionStore = create<RedactionState>()(
  persist(
    (set) => ({
      redact: true,
      revealed: new Set(),
      redactionToggled: (redact) => set({ redact, revealed: new Set() }),
      valueRevealed: (value) => set((s) => ({ revealed: new Set(s.revealed).add(value) })),
      valueHidden: (value) =>
        set((s) => {
          const revealed = new Set(s.revealed);
          revealed.delete(value);
          return { revealed };
        }),
    }),
    // Only the choice is remembered; what was revealed is forgotten with the page.
    {
      name: "oauth-playground.redaction",
      partialize: (s) => ({ redact: s.redact }),
      // Storage is read back like any untrusted input: anything but a boolean keeps redaction on.
      merge: (stored, current) => ({ ...current, ...readStored<{ redact: boolean }>(stored, { redact: isBoolean }) }),
    },
  ),
);

export const useRedactOn = () => useRedactionStore((s) => s.redact);
export const useRevealed = () => useRedactionStore((s) => s.revealed);
export const useRedactionActions = () =>
  useRedactionStore(useShallow((s) => ({ redactionToggled: s.redactionToggled, valueRevealed: s.valueRevealed, valueHidden: s.valueHidden })));
