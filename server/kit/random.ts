/**
 * Source of every code, token and id the mocks issue. Crypto-random by
 * default; seeded (deterministic) when a support person wants a reproduction
 * that replays byte for byte.
 */
export interface Random {
  bytes(n: number): Uint8Array;
  hex(bytes: number): string;
  base64url(bytes: number): string;
  /** n characters drawn from A-Z a-z 0-9, like Spring's RandomValueStringGenerator. */
  alnum(n: number): string;
  uuid(): string;
  seed(value: number | null): void;
  currentSeed(): number | null;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** sfc32: small, fast and good enough for reproducible fixtures (not for secrets). */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
}

export function createRandom(): Random {
  let seeded: (() => number) | null = null;
  let seedValue: number | null = null;
  // Crypto bytes are drawn a page at a time: one getRandomValues call per token costs more than
  // the token. Each byte is handed out once (the pool only moves forward, then refills whole).
  const pool = Buffer.alloc(4096);
  let poolUsed = pool.length;
  /** n random bytes encoded, read straight from the pool when crypto-random: no copy, no view. */
  const encoded = (n: number, encoding: "hex" | "base64url"): string => {
    if (seeded || n > pool.length) return Buffer.from(bytes(n)).toString(encoding);
    if (poolUsed + n > pool.length) {
      crypto.getRandomValues(pool);
      poolUsed = 0;
    }
    poolUsed += n;
    return pool.toString(encoding, poolUsed - n, poolUsed);
  };
  const bytes = (n: number) => {
    const out = new Uint8Array(n);
    if (seeded) for (let i = 0; i < n; i++) out[i] = seeded() & 0xff;
    else if (n > pool.length) crypto.getRandomValues(out);
    else {
      if (poolUsed + n > pool.length) {
        crypto.getRandomValues(pool);
        poolUsed = 0;
      }
      out.set(pool.subarray(poolUsed, poolUsed + n));
      poolUsed += n;
    }
    return out;
  };
  const hex = (n: number) => encoded(n, "hex");
  return {
    bytes,
    hex,
    base64url: (n) => encoded(n, "base64url"),
    alnum: (n) => Array.from(bytes(n), (b) => ALNUM[b % ALNUM.length]).join(""),
    uuid() {
      const h = hex(16).split("");
      h[12] = "4";
      h[16] = "89ab"[parseInt(h[16] ?? "0", 16) & 3] ?? "8";
      const s = h.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    seed(value) {
      seedValue = value;
      seeded = value === null ? null : sfc32(value);
    },
    currentSeed: () => seedValue,
  };
}
