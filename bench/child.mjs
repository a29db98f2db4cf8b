// What every server the bench starts does besides serving: it reports its port to the
// parent over IPC (or prints it when run by hand), answers "stats" with its memory and
// CPU time (user and system apart), and exits when the parent lets go of it.

/** @param {{ close(): void }} server @param {number} port @param {string} what */
export function reportListening(server, port, what) {
  if (process.send) process.send({ port });
  else console.log(`${what} on http://127.0.0.1:${port}`);
  process.on("message", (msg) => {
    if (msg !== "stats") return;
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ rss, heapUsed, userMicros: user, systemMicros: system });
  });
  const stop = () => {
    server.close();
    process.exit(0);
  };
  process.on("disconnect", stop);
  // Ctrl-C (or a profiler's SIGINT) exits cleanly, so --cpu-prof can write its profile.
  process.on("SIGINT", stop);
}
