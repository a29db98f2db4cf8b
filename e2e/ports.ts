/**
 * The ports the suite's servers listen on, shared by playwright.config.ts and the specs:
 * the playground (E2E_PORT) and the Spring-style oidc-provider that live.spec.ts walks
 * against, 4000 above it (8199 by default), so two suites on one machine don't collide.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4199);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? E2E_PORT + 4000);
export const OIDC_BASE = `http://localhost:${OIDC_PORT}`;
