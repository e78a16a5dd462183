// ESLint for the browser code (`make lint`, run first by `make test`): static/js is ES modules for the page,
// static/js/search-worker.js a module run as a dedicated worker, static/sw.js the service worker (a classic
// script). static/gen holds webassets' bundles of these same files.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Only the project's own browser code: not the virtualenv's or node_modules' bundled scripts.
  { ignores: ["node_modules/", "static/gen/", ".venv/", "instance/", "bench/", "docs/"] },
  js.configs.recommended,
  {
    files: ["static/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["static/js/search-worker.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ["static/sw.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { sourceType: "module" },
  },
];
