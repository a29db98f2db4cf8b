import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { clockQuery, fixturesQuery } from "../core/api/control.ts";
import { messages } from "../core/i18n/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { stepContext } from "../core/wizard/engine.ts";
import { completeCallback } from "../core/wizard/execute-step.ts";
import { usePendingRedirect, wizardStore } from "../core/wizard/store.ts";
import { useFlow } from "./use-flow.ts";

/** The playground's registered redirect_uri: takes the code (or error) back into the flow that left. */
export function CallbackPage() {
  const t = useT();
  const navigate = useNavigate();
  const pending = usePendingRedirect();
  const flow = useFlow(pending?.providerId);
  const fixtures = useQuery(fixturesQuery());
  const clock = useQuery({ ...clockQuery(), refetchInterval: false });
  const handled = useRef(false);

  useEffect(() => {
    if (!pending || !flow.data || !fixtures.data || !clock.data || handled.current) return;
    handled.current = true;
    const steps = flow.data.steps;
    const from = steps.findIndex((s) => s.id === pending.stepId);
    const step = steps.slice(from + 1).find((s) => s.kind === "callback");
    if (!step || step.kind !== "callback") return;
    const store = wizardStore.getState();
    const record = store.flows[pending.providerId] ?? { values: {}, edits: {}, options: {}, results: {} };
    const ctx = stepContext(step, record, fixtures.data[pending.providerId], window.location.origin, clock.data.now);
    const run = completeCallback(step, ctx, window.location.href);
    store.stepCompleted(pending.providerId, pending.stepId, { outcome: { status: "success", summary: messages.redirectFollowed }, at: Date.now() });
    store.stepCompleted(pending.providerId, step.id, run.result, run.values);
    store.redirectFinished();
    navigate(`/${pending.providerId}/${step.id}`, { replace: true });
  }, [pending, flow.data, fixtures.data, clock.data, navigate]);

  return (
    <main id="main" className="max-w-3xl mx-auto p-6 space-y-3">
      <h1 className="text-xl font-semibold">{t(messages.callbackTitle)}</h1>
      {!pending && <p role="alert">{t(messages.callbackNoPending)}</p>}
      <pre className="code-block whitespace-pre-wrap break-all">{window.location.href}</pre>
    </main>
  );
}
