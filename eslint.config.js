import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** A provider's server half lives in src/providers/<id>/mock/; everything else under src/ is browser code. */
const MOCK_HALF = "src/providers/*/mock/**";
const serverOnly = ["**/server/**", "**/mock/**", "hono", "hono/*", "@hono/*", "node:*"];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "playwright-report", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // The browser bundle never imports server code.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", MOCK_HALF],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnly.map((group) => ({ group: [group], message: "browser code must not import server code" })) }] },
  },
  {
    // The core never imports a provider.
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...serverOnly.map((group) => ({ group: [group], message: "browser code must not import server code" })), { group: ["**/providers/**"], message: "the core never imports a provider" }] },
      ],
    },
  },
);
