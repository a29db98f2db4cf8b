import { useQuery } from "@tanstack/react-query";
import { fixturesQuery } from "../core/api/control.ts";
import { DiagnoseView } from "../core/diagnose/diagnose-view.tsx";
import { dm } from "../core/diagnose/messages.ts";
import { useT } from "../core/i18n/use-t.ts";
import { loadAllEndpoints } from "./registry.ts";

/** Examples straight from the source documents (their typos included). */
const examples = [
  { label: "001 curl", text: '# curl -X POST -d "grant_type=authorization_code&code=W636oE&client_id=messging-client&client_secret=secret&redirect_uri=http://localhost" http://localhost:8090/oauth/token' },
  { label: "000 authorize", text: "GET https://ppmessage.com/ppauth/auth?state=xxxx&client_id=xxxx&redirect_id=xxxx&response_type=code" },
  {
    label: "002 curl",
    text: `curl -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' -d '{
   "grant_type": "client_credentials",
   "client_id": "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
   "client_secret": "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc",
   "ttl": "1024000"
 }' 'http://a1.easemob.com/easemob-demo/testapp/token'`,
  },
  { label: "003 JSONP", text: 'myfun({"access_token":"8d734bf19bc9e7b0dbec5642204e7988a05cc222","expires_in":"7200","token_type":"Bearer","state":"xyz"})' },
  { label: "004 error", text: '{\n  "status": "4102",\n  "message": "authorization_code is invalid",\n  "data": []\n}' },
];

export function DiagnosePage() {
  const t = useT();
  const endpoints = useQuery({ queryKey: ["diagnose", "endpoints"], queryFn: loadAllEndpoints, staleTime: Infinity });
  const fixtures = useQuery(fixturesQuery());
  return (
    <main id="main" className="max-w-5xl mx-auto w-full p-6 space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t(dm.title)}</h1>
        <p className="text-muted max-w-3xl">{t(dm.intro)}</p>
      </div>
      {endpoints.data ? <DiagnoseView providers={endpoints.data} fixtures={fixtures.data} examples={examples} /> : <p className="text-sm text-muted">{t(dm.loading)}</p>}
    </main>
  );
}
