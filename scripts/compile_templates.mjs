// Compile the shared templates (templates/shared/, and the icons they include) for the phone, at
// set-up: `make install` runs this when they change. Nunjucks precompiles them into plain functions
// (no eval on the phone); webassets bundles the result with Nunjucks' runtime for the offline shell.
// The first line names a hash of the sources: pwa_app/web/assets.py refuses to start on a stale build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nunjucks = require('nunjucks');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const templates = join(root, 'templates');
const OUTPUT = join(root, 'static', 'gen', 'shared-templates.js');

// As assets.shared_sources(): the shared templates, then every icon, by name.
const names = [
  ...readdirSync(join(templates, 'shared')).filter((f) => f.endsWith('.html')).map((f) => `shared/${f}`),
  ...readdirSync(join(templates, 'icons')).filter((f) => f.endsWith('.svg')).map((f) => `icons/${f}`),
].sort();

const hash = createHash('sha256');
const compiled = names.map((name) => {
  const source = readFileSync(join(templates, name), 'utf8');
  hash.update(`${name}\0${source}\0`);
  // The line and column each expression records are only for error messages: 5 % of the bytes.
  return nunjucks.precompileString(source, { name }).replace(/lineno = \d+, colno = \d+, /g, '');
});
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `// sources: ${hash.digest('hex')}\n${compiled.join('\n')}\n`);
