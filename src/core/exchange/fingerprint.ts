import { z } from "zod";

/**
 * Fingerprints for redacted values: HMAC-SHA-256 under a key drawn once per tab.
 * A plain hash of a short secret (a password, Spring's client secret "secret") could be
 * confirmed by hashing guesses; a keyed one cannot, while equal values still get equal
 * fingerprints on every screen and in every export of one tab. Synchronous, because redaction runs
 * while a list renders (Web Crypto's digest is async).
 */

const K = Uint32Array.from(
  "428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2"
    .split(" ")
    .map((h) => parseInt(h, 16)),
);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of bytes (FIPS 180-4). */
export function sha256(data: Uint8Array): Uint8Array {
  const length = data.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length << 3) >>> 0);
  const h = [...H0];
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = (h[i]! + v) >>> 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

/** HMAC-SHA-256 (RFC 2104). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = new TextEncoder();

/** A fingerprint function under its own key: eight hex digits of HMAC-SHA-256. */
export function keyedFingerprint(key: Uint8Array): (value: string) => string {
  return (value) => hex(hmacSha256(key, utf8.encode(value)).subarray(0, 4));
}

const KEY_NAME = "oauth-playground.fingerprint-key";
const keyText = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The key for this tab: kept in its sessionStorage (beside the secrets it fingerprints), so the
 * reload after a provider's login pages keeps every fingerprint the same; a new tab draws a new one.
 */
function tabKey(): Uint8Array {
  const storage = typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  let stored: string | null | undefined;
  try {
    stored = storage?.getItem(KEY_NAME);
  } catch {
    stored = undefined; // storage refused (a privacy mode): a key for this page load only
  }
  const kept = keyText.safeParse(stored);
  if (kept.success) return Uint8Array.from(kept.data.match(/../g)!, (h) => parseInt(h, 16));
  const key = crypto.getRandomValues(new Uint8Array(32));
  try {
    storage?.setItem(KEY_NAME, hex(key));
  } catch {
    // as above
  }
  return key;
}

/** This tab's fingerprint: stable while the tab lives (reloads included), unguessable without its key. */
export const fingerprint = keyedFingerprint(tabKey());
