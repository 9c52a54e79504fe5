#!/usr/bin/env node
// Sums the runners' JSON reports into the one closing line CI prints: "N passed, N failed".
// A report that is missing (its runner never ran or crashed) counts as one failure, so it cannot pass silently.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const notes = []
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1
    notes.push(`${file}: missing (the runner did not finish)`)
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  if (report.stats && 'expected' in report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += report.stats.expected + report.stats.flaky
    failed += report.stats.unexpected
    notes.push(
      `${file}: ${report.stats.expected + report.stats.flaky} passed, ${report.stats.unexpected} failed, ${report.stats.skipped} skipped`,
    )
  } else if ('numPassedTests' in report) {
    passed += report.numPassedTests
    failed += report.numFailedTests
    // A suite that failed to load has no failed tests but is a failure.
    const brokenFiles = (report.testResults ?? []).filter(
      (r) => r.status === 'failed' && r.assertionResults?.length === 0,
    ).length
    failed += brokenFiles
    notes.push(
      `${file}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${report.numPendingTests} skipped`,
    )
  } else {
    failed += 1
    notes.push(`${file}: unknown report format`)
  }
}
for (const n of notes) console.log(n)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
