/** Navigation state asking the flow page to put the focus on the step's heading once it shows. */
export const FOCUS_STEP = { focusStep: true } as const;

export const isFocusStep = (state: unknown): boolean => typeof state === "object" && state !== null && (state as { focusStep?: unknown }).focusStep === true;
