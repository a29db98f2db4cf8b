import type { Context } from "hono";
import { html } from "hono/html";
import { hiddenFields, renderPage } from "../../../../server/kit/pages.ts";

/** Spring Security's default look: Bootstrap-like, plain, centred. */
const STYLE = `
body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:#f7f7f9;color:#222;margin:0}
main{max-width:420px;margin:64px auto;background:#fff;border:1px solid #ddd;border-radius:6px;padding:32px}
h1,h2{font-weight:500;margin-top:0}
label{display:block;margin:12px 0 4px}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #bbb;border-radius:4px}
button{margin-top:16px;padding:10px 16px;font-size:16px;border-radius:4px;border:1px solid #0d6efd;background:#0d6efd;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0d6efd}
.alert{padding:10px;border-radius:4px;background:#f8d7da;color:#842029;margin-bottom:12px}
.note{font-size:13px;color:#666;margin-top:24px}
fieldset{border:1px solid #ddd;border-radius:4px;margin:8px 0;padding:8px 12px}
fieldset label{display:inline;margin:0 12px 0 4px}
code{background:#f0f0f0;padding:1px 4px;border-radius:3px}
`;

const MOCK_NOTE = html`<p class="note">Mock of a Spring Security OAuth2 server (OAuth Playground). Demo login: <code>user</code> / <code>password</code>.</p>`;

export function loginPage(c: Context, action: string, state: { error: boolean; logout: boolean }) {
  return renderPage(c, {
    title: "Please sign in",
    style: STYLE,
    body: html`<main>
<form method="post" action="${action}">
<h1>Please sign in</h1>
${state.error ? html`<div class="alert" role="alert">Bad credentials</div>` : ""}
${state.logout ? html`<div class="alert" role="status">You have been signed out</div>` : ""}
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
${MOCK_NOTE}
</main>`,
  });
}

export function approvalPage(c: Context, action: string, clientId: string, scopes: string[]) {
  return renderPage(c, {
    title: "OAuth Approval",
    style: STYLE,
    body: html`<main>
<h1>OAuth Approval</h1>
<p>Do you authorize "${clientId}" to access your protected resources?</p>
<form id="confirmationForm" name="confirmationForm" method="post" action="${action}">
${hiddenFields({ user_oauth_approval: "true" })}
${scopes.map(
  (scope) => html`<fieldset>
<legend>scope.${scope}</legend>
<input type="radio" id="scope.${scope}.approve" name="scope.${scope}" value="true" checked><label for="scope.${scope}.approve">Approve</label>
<input type="radio" id="scope.${scope}.deny" name="scope.${scope}" value="false"><label for="scope.${scope}.deny">Deny</label>
</fieldset>`,
)}
<button type="submit" name="authorize" value="Authorize">Authorize</button>
</form>
<form id="denialForm" name="denialForm" method="post" action="${action}">
${hiddenFields({ user_oauth_approval: "false" })}
<button type="submit" class="secondary" name="deny" value="Deny">Deny</button>
</form>
${MOCK_NOTE}
</main>`,
  });
}

/** Spring's whitelabel OAuth error page: shown instead of redirecting when the redirect can't be trusted. */
export function errorPage(c: Context, error: string, description: string) {
  return renderPage(c, {
    title: "OAuth Error",
    style: STYLE,
    status: 400,
    body: html`<main>
<h1>OAuth Error</h1>
<p role="alert">error="${error}", error_description="${description}"</p>
${MOCK_NOTE}
</main>`,
  });
}

export function signedInPage(c: Context, username: string) {
  return renderPage(c, {
    title: "Signed in",
    style: STYLE,
    body: html`<main><h1>Signed in as ${username}</h1><p>No authorization request was saved, so there is nowhere to continue to.</p>${MOCK_NOTE}</main>`,
  });
}
