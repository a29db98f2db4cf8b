// The reference limit for `npm run bench`: a bare node:http server answering a fixed
// JSON body (about the size of a token answer), nothing else. Listens on loopback, on
// PORT or an ephemeral port.
import { createServer } from "node:http";
import { reportListening } from "./child.mjs";

const body = JSON.stringify({ access_token: "0123456789abcdef0123456789abcdef01234567", expires_in: 7200, token_type: "Bearer", scope: null });

const server = createServer((req, res) => {
  // Drain the request body like a real endpoint would, then answer.
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
    res.end(body);
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => reportListening(server, server.address().port, "bare server"));
