import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { mockProviders } from "./server/vite-plugin.ts";

export default defineConfig({
  plugins: [react(), tailwindcss(), mockProviders()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { target: "es2022", chunkSizeWarningLimit: 400 },
});
