import type { Header } from "../exchange/exchange.ts";
import type { RunEffects } from "./runner.ts";
import type { SentExchange, StepContext } from "./types.ts";
import { createWizardStore } from "./store.ts";

/** A Web Storage kept in memory, for tests of the store (Node has no localStorage). */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

export interface FakeWorld {
  fx: RunEffects;
  local: Storage;
  session: Storage;
  /** Every fetch the runner made, as (url, init). */
  fetched: Array<{ url: string; init: RequestInit | undefined }>;
  navigated: string[];
  jsonpUrls: string[];
}

/**
 * The runner's effects with nothing real behind them: `answer` plays the server (fetch), `jsonp`
 * the provider's script; the virtual clock reads `clock.now`, a store over memory storages.
 */
export function fakeWorld(
  answer: (url: string, init: RequestInit | undefined) => Response | Promise<Response>,
  jsonp: (url: string) => unknown = () => undefined,
  clock = { now: 1_700_000_000 },
): FakeWorld {
  const local = memoryStorage();
  const session = memoryStorage();
  const world: Omit<FakeWorld, "fx"> = { local, session, fetched: [], navigated: [], jsonpUrls: [] };
  const fx: RunEffects = {
    fetch: async (input, init) => {
      const url = String(input);
      world.fetched.push({ url, init });
      return answer(url, init);
    },
    jsonp: async (url) => {
      world.jsonpUrls.push(url);
      return { url, payload: jsonp(url) };
    },
    navigate: (url) => void world.navigated.push(url),
    virtualNow: async () => clock.now,
    now: () => 1_700_000_000_000,
    store: createWizardStore(
      () => local,
      () => session,
    ),
  };
  return { ...world, fx };
}

/** One exchange as the runner records it, for outcome tests: JSON bodies are parsed like the runner does. */
export function sent(status: number, body: unknown, { url = "http://localhost:4173/mock/demo/token", method = "POST", headers = [] as Header[] } = {}): SentExchange {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { request: { method, url, headers: [], body: "" }, response: { status, statusText: "", headers, body: text }, json };
}

export { answerOf as answer } from "./runner.ts";

/** An outcome's context, from what a test cares about; the rest as the bundled mock of the default workspace has it. */
export function outcomeContext<V, F>(ctx: Partial<StepContext<V, F>> & Pick<StepContext<V, F>, "values" | "fixtures">): StepContext<V, F> {
  const base = "http://localhost:4173/mock/demo";
  return { params: {}, options: {}, target: { browserBase: base, serverBase: base }, callbackUrl: "http://localhost:4173/callback", now: 1_700_000_000, ...ctx };
}
