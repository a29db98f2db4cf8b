import type { WorkspaceId } from "../src/core/workspace/paths.ts";
import type { World } from "./world.ts";

/** Created workspaces kept at most; creating one more drops the least recently used. */
export const MAX_WORKSPACES = 100;
/** A workspace unused for longer than this (real time) is dropped; WORKSPACE_IDLE_HOURS overrides it. */
export const WORKSPACE_IDLE_HOURS = 24;
/** Random bytes in an id: 96 bits, 16 base64url characters. */
const ID_BYTES = 12;

export interface WorkspaceLimits {
  max?: number;
  idleMs?: number;
  /** Real time in ms (injected by tests: idleness is never waited for). */
  now?: () => number;
}

/** WORKSPACE_IDLE_HOURS, as the limits take it; anything but a positive number is refused. */
export function idleLimitFrom(value: string | undefined): Pick<WorkspaceLimits, "idleMs"> {
  if (value === undefined || value.trim() === "") return {};
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`WORKSPACE_IDLE_HOURS: not a positive number of hours: ${value}`);
  return { idleMs: hours * 3_600_000 };
}

/** A created workspace: its world and what the registry knows of it. */
export interface Workspace {
  readonly world: World;
  name: string;
  readonly createdAt: number;
  lastUsedAt: number;
  /** Its place in creation order (1 for the app's first). */
  readonly serial: number;
}

const randomId = (): WorkspaceId => Buffer.from(crypto.getRandomValues(new Uint8Array(ID_BYTES))).toString("base64url");

/**
 * The created workspaces (the default one is not among them: it is never dropped). The Map
 * is kept in order of use, least recent first, so dropping the least recently used or the
 * idle ones only ever looks at its front, and a request finds its world with one lookup.
 */
export class Workspaces {
  private readonly byId = new Map<WorkspaceId, Workspace>();
  private readonly max: number;
  private readonly idleMs: number;
  private readonly now: () => number;
  private created = 0;

  constructor(
    private readonly createWorld: (id: WorkspaceId) => World,
    limits: WorkspaceLimits = {},
  ) {
    this.max = limits.max ?? MAX_WORKSPACES;
    this.idleMs = limits.idleMs ?? WORKSPACE_IDLE_HOURS * 3_600_000;
    this.now = limits.now ?? Date.now;
  }

  get size(): number {
    return this.byId.size;
  }

  /** A new world under a fresh random id; past the bound, the least recently used goes. */
  create(name?: string): Workspace {
    this.dropIdle();
    let id = randomId();
    while (this.byId.has(id)) id = randomId();
    const serial = ++this.created;
    const at = this.now();
    const workspace: Workspace = { world: this.createWorld(id), name: name ?? `Workspace ${serial}`, createdAt: at, lastUsedAt: at, serial };
    this.byId.set(id, workspace);
    while (this.byId.size > this.max) this.drop(this.byId.keys().next().value!);
    return workspace;
  }

  /** The workspace a request under its prefix reaches, now the most recently used; undefined when unknown or gone idle. */
  use(id: string): Workspace | undefined {
    this.dropIdle();
    const workspace = this.byId.get(id);
    if (!workspace) return undefined;
    workspace.lastUsedAt = this.now();
    this.byId.delete(id);
    this.byId.set(id, workspace);
    return workspace;
  }

  /** The workspace, without counting as a use of it. */
  find(id: string): Workspace | undefined {
    this.dropIdle();
    return this.byId.get(id);
  }

  /** Newest first. */
  list(): Workspace[] {
    this.dropIdle();
    return [...this.byId.values()].sort((a, b) => b.serial - a.serial);
  }

  delete(id: string): boolean {
    if (!this.byId.has(id)) return false;
    this.drop(id);
    return true;
  }

  private drop(id: WorkspaceId): void {
    this.byId.get(id)?.world.close();
    this.byId.delete(id);
  }

  private dropIdle(): void {
    const oldest = this.now() - this.idleMs;
    for (const [id, workspace] of this.byId) {
      if (workspace.lastUsedAt >= oldest) return;
      this.drop(id);
    }
  }
}
