import type { LiveBase } from "./live-base.ts";

/** Where a provider's live traffic goes instead of the mock. */
export interface LiveTarget {
  base: LiveBase;
}

/**
 * One workspace's live targets: at most one real server per provider (so the store is
 * bounded by the providers it knows). Only a base that passed checkLiveBase can be set.
 * A reset of the mock leaves them alone: they are the user's choice, not the mock's state.
 */
export class LiveTargets {
  private readonly targets = new Map<string, LiveTarget>();
  readonly providers: readonly string[];

  constructor(providers: readonly string[]) {
    this.providers = [...providers];
  }

  knows(provider: string): boolean {
    return this.providers.includes(provider);
  }

  get(provider: string): LiveTarget | undefined {
    return this.targets.get(provider);
  }

  set(provider: string, base: LiveBase): LiveTarget {
    if (!this.knows(provider)) throw new Error(`no provider ${provider}`);
    const target = { base };
    this.targets.set(provider, target);
    return target;
  }

  delete(provider: string): void {
    this.targets.delete(provider);
  }

  /** Every set target, by provider, in the providers' order. */
  list(): Record<string, LiveTarget> {
    return Object.fromEntries(this.providers.flatMap((p) => (this.targets.has(p) ? [[p, this.targets.get(p)!]] : [])));
  }
}
