import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router";

/**
 * Hands a query parameter's value to `use` once, when `ready`, then removes the parameter
 * from the URL (replacing the history entry), so a reload or a shared screenshot doesn't
 * apply it again. For links that carry an action: a permalink, a scenario link.
 */
export function useQueryParamOnce(name: string, use: (value: string) => void, ready = true): void {
  const [searchParams, setSearchParams] = useSearchParams();
  const value = searchParams.get(name);
  const handled = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!ready || value === null || handled.current === value) return;
    handled.current = value;
    use(value);
    setSearchParams(
      (current) => {
        const rest = new URLSearchParams(current);
        rest.delete(name);
        return rest;
      },
      { replace: true },
    );
  }, [ready, value, name, use, setSearchParams]);
}
