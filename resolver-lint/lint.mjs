// Lints every generated resolver module with @aws-appsync/eslint-plugin (recommended, type-aware rules).
// Run by amplify-dsl's `verify` phase (exec-maven-plugin) after ResolverModulesWriterTest has written the modules to
// amplify-dsl/target/resolvers/<schema>/...; any finding fails the build.
//
// 1. `npm ci` only when node_modules is missing or package-lock.json changed since the last install (a SHA-256
//    stamp in node_modules/); afterwards the lint runs offline.
// 2. ESLint (the locally installed one, as `npx eslint` would run it) from the repository root with this folder's
//    config, so that the modules outside this folder are inside ESLint's base path.
//
// Timing on the 2-core build VM: `npm ci` with a cold npm cache (150 packages, ~40 MB) about 3 s on a fast link (39 s
// measured earlier on a slow one); the type-aware lint of the ~450 modules the fixture plans generate 5 to 10 s;
// when nothing changed, only the lint runs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const modules = process.argv[2] ?? join('amplify-dsl', 'target', 'resolvers');
const lock = readFileSync(join(here, 'package-lock.json'));
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'node_modules', '.amplify4j-lock.sha256');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`resolver-lint: cannot run ${command}: ${result.error.message}`);
    process.exit(2);
  }
  return result.status ?? 1;
}

if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== digest) {
  const started = Date.now();
  console.log('resolver-lint: npm ci (node_modules missing or package-lock.json changed)');
  const status = run('npm', ['ci', '--no-audit', '--no-fund'], here);
  if (status !== 0) {
    process.exit(status);
  }
  writeFileSync(stamp, digest + '\n');
  console.log(`resolver-lint: npm ci took ${Math.round((Date.now() - started) / 1000)} s`);
}

if (!existsSync(join(root, modules))) {
  console.error(`resolver-lint: ${modules} does not exist; the tests write it (ResolverModulesWriterTest)`);
  process.exit(1);
}
const started = Date.now();
const eslint = join(here, 'node_modules', 'eslint', 'bin', 'eslint.js');
const status = run(process.execPath, [eslint, '--config', join(here, 'eslint.config.mjs'), '--max-warnings', '0',
  modules], root);
console.log(`resolver-lint: eslint ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
