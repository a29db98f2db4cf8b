import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { fixturesQuery } from "../core/api/control.ts";
import type { SecretFieldNames } from "../core/exchange/redact.ts";
import { useShownUrl } from "../core/exchange/redaction-context.tsx";
import { RevealList } from "../core/exchange/reveal-list.tsx";
import { pm } from "../core/i18n/page-messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { browserEffects } from "../core/wizard/browser-effects.ts";
import { completeRedirect } from "../core/wizard/runner.ts";
import { usePendingRedirect } from "../core/wizard/use-wizard-store.ts";
import { placeFor } from "../core/wizard/target.ts";
import { useLiveTarget } from "../core/live/use-live-target.ts";
import { flowPath } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { FOCUS_STEP } from "./focus-step.ts";
import { RedactionScope } from "./redaction-scope.tsx";
import { useFlow } from "./use-flow.ts";
import { readableUrl } from "../core/exchange/screen-redaction.ts";

/**
 * `state` is no contract's secret field (the flow page shows it when it checks it), but here it
 * stands next to the code in the URL the provider came back with: hidden too while redaction is on.
 */
const CALLBACK_FIELDS: SecretFieldNames = new Set(["state"]);

/** The URL the provider came back with, as the screen shows it: its code, token and state as fingerprints while redaction is on. */
function CallbackUrl({ url }: { url: string }) {
  const { shown, hidden } = useShownUrl(url);
  return (
    <>
      <pre className="code-block whitespace-pre-wrap wrap-anywhere">{readableUrl(shown)}</pre>
      <RevealList hidden={hidden} />
    </>
  );
}

/** The playground's registered redirect_uri: hands the code (or error) to the runner, which completes the flow that left. */
export function CallbackPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Each workspace registers its own callback, so the redirect comes back to the workspace it left.
  const workspace = useWorkspace();
  const pending = usePendingRedirect();
  // The redirect this page load completes: completing it clears the store's, and the page must
  // not then flash "no redirect was pending" before it moves on.
  const [waiting] = useState(() => (pending?.workspace === workspace ? pending : undefined));
  const flow = useFlow(waiting?.providerId);
  const fixtures = useQuery(fixturesQuery(workspace));
  const liveTarget = useLiveTarget(workspace, waiting?.providerId ?? "");
  const handled = useRef(false);

  useEffect(() => {
    if (!waiting || !flow.data || !fixtures.data || handled.current) return;
    handled.current = true;
    const place = placeFor(window.location.origin, workspace, waiting.providerId, liveTarget);
    const callbackUrl = window.location.href;
    void completeRedirect(flow.data, place, browserEffects(queryClient, workspace), callbackUrl, fixtures.data[waiting.providerId]).then((stepId) => {
      // Back from the provider: the step's heading takes the focus (FlowPage reads the state), not the page's body.
      if (stepId) navigate(flowPath(workspace, waiting.providerId, stepId), { replace: true, state: FOCUS_STEP });
    });
  }, [waiting, flow.data, fixtures.data, navigate, queryClient, workspace, liveTarget]);

  return (
    <main id="main" className="w-full max-w-3xl mx-auto p-6 space-y-3">
      <h1 className="text-xl font-semibold">{t(pm.callbackTitle)}</h1>
      {!waiting && <p role="alert">{t(pm.callbackNoPending)}</p>}
      {/* Shown once every flow's secret field names are known (the URL may come back to any provider's flow). */}
      <RedactionScope waitFor="all" extraFields={CALLBACK_FIELDS}>
        <CallbackUrl url={window.location.href} />
      </RedactionScope>
    </main>
  );
}
