// The baseline for `npm run bench`: a bare node:http server answering a fixed
// JSON body (about the size of a token answer), nothing else. Listens on
// loopback, on PORT or an ephemeral port.
//
// BENCH_BUSY_US=<n> makes it busy-wait n µs before each answer: the bench's
// "budget" reference row, which shows how much work per request on top of
// node:http the ratio target leaves on this machine (the loss is not linear:
// the kernel's share of each request grows as the server slows).
import { createServer } from "node:http";
import { reportListening } from "./child.mjs";

const body = JSON.stringify({ access_token: "0123456789abcdef0123456789abcdef01234567", expires_in: 7200, token_type: "Bearer", scope: null });
const busyMs = Number(process.env.BENCH_BUSY_US ?? 0) / 1000;

const server = createServer((req, res) => {
  // Drain the request body like a real endpoint would, then answer.
  req.resume();
  req.on("end", () => {
    if (busyMs > 0) for (const until = performance.now() + busyMs; performance.now() < until; );
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
    res.end(body);
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => reportListening(server, server.address().port, "bare server"));
