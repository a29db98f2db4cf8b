// The baseline for `npm run bench`: a bare node:http server answering a fixed
// JSON body (about the size of a token answer), nothing else. Listens on
// loopback, on PORT or an ephemeral port, and reports the port to its parent
// over IPC (or prints it when run by hand).
import { createServer } from "node:http";

const body = JSON.stringify({ access_token: "0123456789abcdef0123456789abcdef01234567", expires_in: 7200, token_type: "Bearer", scope: null });

const server = createServer((req, res) => {
  // Drain the request body like a real endpoint would, then answer.
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
    res.end(body);
  });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(`bare server on http://127.0.0.1:${port}`);
});

process.on("message", (msg) => {
  if (msg === "stats") {
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ rss, heapUsed, cpuMicros: user + system });
  }
});
process.on("disconnect", () => process.exit(0));
