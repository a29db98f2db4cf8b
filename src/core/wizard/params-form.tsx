import { useScreenRedaction } from "../exchange/redaction-context.tsx";
import { pm } from "../i18n/page-messages.ts";
import { useT } from "../i18n/use-t.ts";
import type { Warning } from "./engine.ts";
import type { Step, StepContext } from "./types.ts";

interface Props {
  step: Step;
  ctx: StepContext;
  warnings: Warning[];
  onParam(name: string, value: string): void;
  onOption(id: string, value: string): void;
  onRestore(): void;
}

/** Every parameter with the document's explanation, editable; options as radio groups. */
export function ParamsForm({ step, ctx, warnings, onParam, onOption, onRestore }: Props) {
  const t = useT();
  const params = step.params ?? [];
  const redaction = useScreenRedaction();
  const masked = (name: string, secret: boolean | undefined, value: string | undefined) =>
    !!redaction && (secret || redaction.fields.has(name.toLowerCase())) && !(value && redaction.revealed.has(value));
  return (
    <div className="space-y-4">
      {step.options?.map((option) => (
        <fieldset key={option.id} className="space-y-1">
          <legend className="text-sm font-medium">{t(option.label)}</legend>
          <div className="flex flex-wrap gap-2">
            {option.choices.map((choice) => {
              const id = `opt-${step.id}-${option.id}-${choice.value}`;
              const checked = ctx.options[option.id] === choice.value;
              return (
                <label key={choice.value} htmlFor={id} className={`choice ${checked ? "choice-on" : ""}`}>
                  <input id={id} type="radio" name={`${step.id}-${option.id}`} value={choice.value} checked={checked} onChange={() => onOption(option.id, choice.value)} />
                  <span>
                    <span className="block text-sm">{t(choice.label)}</span>
                    {choice.explain && <span className="block text-xs text-muted">{t(choice.explain)}</span>}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      {params.length > 0 && (
        <fieldset className="space-y-3">
          <div className="flex items-center justify-between">
            <legend className="text-sm font-medium float-left">{t(pm.parameters)}</legend>
            <button type="button" className="btn-quiet text-xs" onClick={onRestore}>
              {t(pm.restoreDefaults)}
            </button>
          </div>
          {params.map((spec) => {
            const id = `param-${step.id}-${spec.name}`;
            const mine = warnings.filter((w) => w.param === spec.name);
            return (
              <div key={spec.name} className="grid gap-1 @xl:grid-cols-[11rem_minmax(0,1fr)] @xl:gap-3 clear-both">
                <div>
                  <label htmlFor={id} className="font-mono text-sm font-semibold">
                    {spec.name}
                  </label>
                  <div className="text-xs text-muted">
                    {spec.required ? t(pm.required) : t(pm.optional)}
                    {spec.in ? ` · ${t(pm.paramIn[spec.in])}` : ""}
                  </div>
                </div>
                <div>
                  {spec.choices ? (
                    <select id={id} className="input w-full font-mono" value={ctx.params[spec.name] ?? ""} onChange={(e) => onParam(spec.name, e.target.value)} aria-describedby={`${id}-help`}>
                      {spec.choices.map((c) => (
                        <option key={c} value={c}>
                          {c || "—"}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      // While redaction is on a secret is typed blind, like a password, unless it was revealed.
                      type={masked(spec.name, spec.secret, ctx.params[spec.name]) ? "password" : "text"}
                      className={`input w-full font-mono ${mine.length ? "input-warn" : ""}`}
                      value={ctx.params[spec.name] ?? ""}
                      onChange={(e) => onParam(spec.name, e.target.value)}
                      aria-describedby={`${id}-help`}
                      aria-invalid={mine.length > 0 || undefined}
                      spellCheck={false}
                      autoComplete="off"
                    />
                  )}
                  <p id={`${id}-help`} className="text-xs text-muted mt-1">
                    {t(spec.explain)}
                    {mine.map((w, i) => (
                      <span key={i} className="block text-amber-800 dark:text-amber-300 font-medium">
                        ⚠ {t(w.text)}
                      </span>
                    ))}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
