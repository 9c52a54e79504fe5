#!/usr/bin/env node
// `npm run test:e2e`: Playwright in three phases, one after the other, each with its own report and output folder:
//   1. the dialect projects (auto, confluent-v1, confluent-v2, confluent-v3), 2 workers in CI;
//   2. auto-alone (the 100,000-message window, which asserts main-thread task lengths) alone;
//   3. hostile (main-thread stall probes) alone.
// In playwright.config.ts, phases 2 and 3 depend on the earlier projects so that a plain `playwright test` keeps that
// order too. Here they run with --no-deps: one failing test in phase 1 must not leave phases 2 and 3 unrun (it once
// hid 35 tests in CI). Every phase runs; the exit code is non-zero when any failed.
// Arguments (e.g. a spec path or --grep) go to one plain `playwright test` run instead of the phases.
import { spawnSync } from 'node:child_process'

const cli = 'node_modules/@playwright/test/cli.js'
const extra = process.argv.slice(2)

const phases =
  extra.length > 0
    ? [{ name: 'playwright', args: extra, env: {} }]
    : [
        {
          name: 'dialect projects',
          args: [
            '--project',
            'auto',
            '--project',
            'confluent-v1',
            '--project',
            'confluent-v2',
            '--project',
            'confluent-v3',
          ],
          env: {},
        },
        {
          name: 'auto-alone',
          args: ['--project', 'auto-alone', '--no-deps'],
          env: {
            PW_JSON_REPORT: 'test-results/playwright-alone.json',
            PW_OUTPUT_DIR: 'test-results/playwright-alone',
          },
        },
        {
          name: 'hostile',
          args: ['--project', 'hostile', '--no-deps'],
          env: {
            PW_JSON_REPORT: 'test-results/playwright-hostile.json',
            PW_OUTPUT_DIR: 'test-results/playwright-hostile',
          },
        },
      ]

let failed = 0
for (const phase of phases) {
  console.log(`::: e2e: ${phase.name}`)
  const r = spawnSync(process.execPath, [cli, 'test', ...phase.args], {
    stdio: 'inherit',
    env: { ...process.env, ...phase.env },
  })
  if (r.status !== 0) {
    failed += 1
    console.log(`::: e2e: ${phase.name} FAILED (exit ${r.status ?? r.signal})`)
  }
}
process.exit(failed > 0 ? 1 : 0)
