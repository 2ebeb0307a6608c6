// Vitest runs the docs/testing.md example (example/store-page.vitest.mjs)
// against the built package; node --test runs its node:test twin.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { root: "test/kit", include: ["example/*.vitest.mjs"] },
});
