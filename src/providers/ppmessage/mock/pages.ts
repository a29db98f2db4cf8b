import type { Context } from "hono";
import { html } from "hono/html";
import { hiddenFields, renderPage } from "../../../../server/kit/pages.ts";
import type { AuthorizationRequest } from "./state.ts";

/** PPMessage's ppauth look: a plain centred card with the brand blue. */
const STYLE = `
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Segoe UI",Helvetica,Arial,sans-serif;background:#f2f5f8;color:#222;margin:0}
main{max-width:400px;margin:64px auto;background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:32px}
h1{font-size:22px;font-weight:500;margin:0 0 8px;color:#1f6fd0}
p.sub{margin:0 0 16px;color:#555;font-size:14px}
label{display:block;margin:12px 0 4px}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #bbb;border-radius:4px}
button{margin-top:20px;width:100%;padding:10px 16px;font-size:16px;border-radius:4px;border:0;background:#1f6fd0;color:#fff;cursor:pointer}
.alert{padding:10px;border-radius:4px;background:#fdecea;color:#a12622;margin-bottom:12px}
.note{font-size:13px;color:#666;margin-top:24px}
code{background:#f0f0f0;padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
`;

const MOCK_NOTE = html`<p class="note">PPMessage 模拟服务器（OAuth 演练场）· Mock of PPMessage. Demo login: <code>kefu@ppmessage-demo.com</code> / <code>ppmessage123</code>.</p>`;

/** The document's 应用授权 page: email, password, 继续; the authorize parameters ride along as hidden fields. */
export function authorizePage(c: Context, action: string, request: AuthorizationRequest, options: { clientKind: string; error?: string; email?: string }) {
  return renderPage(c, {
    title: "应用授权 - PPMessage",
    lang: "zh-CN",
    style: STYLE,
    body: html`<main>
<h1>应用授权</h1>
<p class="sub">${options.clientKind} 应用（<code>${request.clientId}</code>）请求访问你的 PPMessage 账号。<br>Sign in to authorize this application.</p>
${options.error ? html`<div class="alert" role="alert">${options.error}</div>` : ""}
<form method="post" action="${action}">
${hiddenFields({ client_id: request.clientId, redirect_uri: request.redirectUri, state: request.state, response_type: "code" })}
<label for="email">邮箱 Email</label>
<input type="email" id="email" name="email" autocomplete="username" value="${options.email ?? ""}" required autofocus>
<label for="password">密码 Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">继续</button>
</form>
${MOCK_NOTE}
</main>`,
  });
}

/** Shown instead of redirecting whenever the request can't be trusted (bad client, unregistered redirect_uri, …). */
export function errorPage(c: Context, error: string, description: string, status: 400 | 404 | 405 | 413 | 415 = 400) {
  return renderPage(c, {
    title: "应用授权 - 错误",
    lang: "zh-CN",
    style: STYLE,
    status,
    body: html`<main>
<h1>应用授权失败 · Authorization failed</h1>
<p role="alert">error="${error}", error_description="${description}"</p>
${MOCK_NOTE}
</main>`,
  });
}
