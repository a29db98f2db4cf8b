import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const serverOnly = ["**/server/**", "hono", "hono/*", "@hono/*", "node:*", "**/routes.ts", "**/pages.ts", "**/state.ts", "**/errors.ts", "**/token.ts", "**/fixtures.ts"];

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
    files: ["src/core/**/*.{ts,tsx}", "src/app/**/*.{ts,tsx}", "src/main.tsx", "src/providers/*/flow.ts", "src/providers/*/contract.ts", "src/providers/*/meta.ts"],
    ignores: ["**/*.test.ts"],
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
