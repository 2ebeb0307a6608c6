// Vitest runs the docs/testing.md example (example/store-page.vitest.mjs)
// against the built package; node --test runs its node:test twin.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Vite's cache goes to the repository's node_modules, not test/kit's.
  cacheDir: fileURLToPath(new URL("../../node_modules/.vite", import.meta.url)),
  test: { root: fileURLToPath(new URL(".", import.meta.url)), include: ["example/*.vitest.mjs"] },
});
