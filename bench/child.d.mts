/** Reports the port to the bench over IPC, answers its "stats" requests, and exits when it lets go. */
export function reportListening(server: { close(): void }, port: number, what: string): void;
