/** The example buttons of /diagnose; the diagnoser's test table runs them too. */
/** Examples straight from the source documents (their typos included). */
export const DOCUMENT_EXAMPLES = [
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

export const documentExample = (label: string): string => {
  const found = DOCUMENT_EXAMPLES.find((e) => e.label === label);
  if (!found) throw new Error(`no document example ${label}`);
  return found.text;
};
