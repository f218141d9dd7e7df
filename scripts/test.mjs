#!/usr/bin/env node
// `npm test`: type check, lint, both builds, web-ext lint, unit tests, browser tests.
// Every step runs (a failure does not hide the others); ends with `N passed, N failed`,
// where each check step counts as one test and each vitest test counts as one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(name, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${seconds}s`);
  return status === 0;
}

function check(name, command, args) {
  const ok = run(name, command, args);
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
  return ok;
}

function vitest(project) {
  const report = `test-results/vitest-${project}.json`;
  rmSync(report, { force: true });
  const ok = run(`vitest ${project}`, 'npx', [
    'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    results.failed++;
    failures.push(`vitest ${project} (no report)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  // A file that fails to load counts as a failure even though it reports no tests.
  const brokenFiles = json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  results.failed += brokenFiles.length;
  if (!ok || json.numFailedTests || brokenFiles.length) failures.push(`vitest ${project}`);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
const built = check('build chrome', 'npm', ['run', '--silent', 'build']) & check('build firefox', 'npm', ['run', '--silent', 'build:firefox']);
if (built) check('web-ext lint (firefox build)', 'npx', ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'text']);
vitest('unit');
if (built) vitest('e2e');
else {
  results.failed++;
  failures.push('e2e skipped: build failed');
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
