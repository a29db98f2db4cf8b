/**
 * A second baseline for `npm run bench`: the bare server's fixed JSON answer, but from a
 * Hono route on @hono/node-server (the mock's framework and adapter) that reads the form
 * body first, as a token endpoint does. It shows what the framework alone costs against
 * bare node:http, so the mock's own share can be read off. Reports its port like the others.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { reportListening } from "./child.mjs";

const body = JSON.stringify({ access_token: "0123456789abcdef0123456789abcdef01234567", expires_in: 7200, token_type: "Bearer", scope: null });

const app = new Hono();
app.post("/", async (c) => {
  new URLSearchParams(await c.req.text());
  return new Response(body, { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store" } });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => reportListening(server, info.port, "hono baseline"));
