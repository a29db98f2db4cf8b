import { Link } from "react-router";
import { messages } from "../core/i18n/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { diagnosePath, flowPath, mockBase } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { providerEntries } from "./registry.ts";

/** One screen for a first visit: what the playground is for, and where each of its uses starts. */
export function HomePage() {
  const t = useT();
  const workspace = useWorkspace();
  const uses = [
    { title: messages.useLearn, text: messages.useLearnText },
    { title: messages.useReproduce, text: messages.useReproduceText },
    { title: messages.useExport, text: messages.useExportText },
  ];
  return (
    <main id="main" className="max-w-6xl mx-auto w-full px-6 py-4 space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">{t(messages.appTitle)}</h1>
        <p className="max-w-4xl">{t(messages.tagline)}</p>
      </div>
      <ul className="grid gap-3 md:grid-cols-3" aria-label={t(messages.whatFor)}>
        {uses.map((use) => (
          <li key={use.title.en} className="rounded-lg border border-line bg-surface-2/60 px-4 py-2.5">
            <h2 className="font-medium">{t(use.title)}</h2>
            <p className="text-sm text-muted mt-0.5">{t(use.text)}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="providers-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
          <h2 id="providers-heading" className="text-lg font-medium">
            {t(messages.chooseProvider)}
          </h2>
          <p className="text-sm">
            {t(messages.haveAnError)}{" "}
            <Link to={diagnosePath(workspace)} className="text-accent underline">
              {t(messages.diagnoseLink)}
            </Link>
          </p>
        </div>
        <ul className="grid gap-3 md:grid-cols-2 lg:grid-cols-3" aria-label={t(messages.providers)}>
          {providerEntries.map(({ meta }) => (
            <li key={meta.id}>
              <Link to={flowPath(workspace, meta.id)} className="card block h-full px-4 py-3">
                <span className="block font-semibold">{t(meta.name)}</span>
                <span className="text-sm mt-1 line-clamp-3" title={t(meta.summary)}>
                  {t(meta.summary)}
                </span>
                {meta.documentTitle && (
                  <span className="block text-xs text-muted mt-1.5">
                    {t(messages.sourceDocument)}{t(messages.colon)}《{meta.documentTitle}》{meta.documentOrigin && ` · ${t(meta.documentOrigin)}`}
                  </span>
                )}
                <span className="block text-xs text-muted font-mono mt-1 wrap-anywhere">
                  {meta.documentedBase || t(messages.noHost)} → {mockBase(workspace, meta.id)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
