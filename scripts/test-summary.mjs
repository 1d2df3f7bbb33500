// Prints "N passed, N failed" from vitest's and Playwright's JSON reports; a missing report counts as a failure,
// so a run that executed no tests is visible.
import fs from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    console.log(`no test report at ${file}`);
    failed++;
    return null;
  }
}

const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // A test file that fails to load has no failed tests of its own but must still count.
  if ((vitest.numFailedTests ?? 0) === 0) failed += vitest.numFailedTestSuites ?? 0;
  if ((vitest.numTotalTests ?? 0) === 0) failed++;
}
const playwright = read(playwrightFile);
if (playwright) {
  const stats = playwright.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += (stats.unexpected ?? 0);
  if ((playwright.errors ?? []).length > 0) failed += playwright.errors.length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
