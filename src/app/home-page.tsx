import { Link } from "react-router";
import { messages } from "../core/i18n/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { diagnosePath, flowPath, mockBase } from "../core/workspace/paths.ts";
import { useWorkspace } from "../core/workspace/use-workspace.ts";
import { providerEntries } from "./registry.ts";

export function HomePage() {
  const t = useT();
  const workspace = useWorkspace();
  return (
    <main id="main" className="max-w-5xl mx-auto w-full p-6 space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t(messages.appTitle)}</h1>
        <p className="text-muted max-w-3xl">{t(messages.tagline)}</p>
        <p>
          <Link to={diagnosePath(workspace)} className="text-accent underline">
            {t(messages.diagnoseLink)}
          </Link>
        </p>
      </div>
      <section aria-labelledby="providers-heading" className="space-y-3">
        <h2 id="providers-heading" className="text-lg font-medium">
          {t(messages.chooseProvider)}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {providerEntries.map(({ meta }) => (
            <li key={meta.id}>
              <Link to={flowPath(workspace, meta.id)} className="card block h-full">
                <span className="block font-semibold text-lg">{t(meta.name)}</span>
                <span className="block text-sm mt-1">{t(meta.summary)}</span>
                <span className="block text-xs text-muted font-mono mt-3">
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
