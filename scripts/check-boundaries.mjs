#!/usr/bin/env node
// Proves the import boundaries in eslint.config.js bite: writes one deliberately forbidden import per zone into
// src/ (plus an import cycle and a brand-new feature folder), lints them with ESLint's Node API, and expects
// exactly one error of the expected rule from each. Then checks that src/ itself keeps every boundary.
// The temporary files are removed whatever happens. Exits non-zero if a zone did not fire or src/ breaks one.
// A zone can go quiet without anyone noticing (no-restricted-paths skips imports its resolver cannot resolve),
// which is why this runs in CI right after the lint step.
import fs from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'

const root = path.resolve(import.meta.dirname, '..')
const tag = `zz-boundary-check-${process.pid}`
const features = fs
  .readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
const [A, B] = features.includes('browse') && features.includes('produce') ? ['browse', 'produce'] : features
if (!A || !B) {
  console.error('check-boundaries: needs two feature folders in src/features')
  process.exit(1)
}

const created = []
const write = (rel, text) => {
  const file = path.join(root, rel)
  fs.writeFileSync(file, text, { flag: 'wx' })
  created.push(file)
  return file
}
const importer = (from) => `import { target } from '${from}'\nexport const seen = target\n`
const target = `${tag}-target.ts`

const cleanUp = () => {
  for (const file of created.splice(0).reverse()) fs.rmSync(file, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp()
    process.exit(130)
  })
}

const NO_PATH = 'import-x/no-restricted-paths'
// [what, violating file, its import, expected rule (null: allowed)]
const cases = [
  [`feature → other feature (../${B}/)`, `src/features/${A}/${tag}-a.ts`, `../${B}/${target}`, NO_PATH],
  [
    `feature → other feature (../../features/${B}/)`,
    `src/features/${A}/${tag}-b.ts`,
    `../../features/${B}/${target}`,
    NO_PATH,
  ],
  ['feature → app', `src/features/${A}/${tag}-c.ts`, `../../app/${target}`, NO_PATH],
  ['new feature folder → other feature', `src/features/${tag}/${tag}.ts`, `../${B}/${target}`, NO_PATH],
  ['components → feature', `src/components/${tag}.ts`, `../features/${A}/${target}`, NO_PATH],
  ['components → app', `src/components/${tag}-b.ts`, `../app/${target}`, NO_PATH],
  ['components → api', `src/components/${tag}-c.ts`, `../api/${target}`, NO_PATH],
  ['lib → feature', `src/lib/${tag}.ts`, `../features/${A}/${target}`, NO_PATH],
  ['lib → app', `src/lib/${tag}-b.ts`, `../app/${target}`, NO_PATH],
  ['stores → feature', `src/stores/${tag}.ts`, `../features/${A}/${target}`, NO_PATH],
  ['stores → app', `src/stores/${tag}-b.ts`, `../app/${target}`, NO_PATH],
  ['api → stores', `src/api/${tag}.ts`, `../stores/${target}`, NO_PATH],
  ['cycle (two files)', `src/lib/${tag}-cycle-a.ts`, `./${tag}-cycle-b.ts`, 'import-x/no-cycle'],
  // Controls: what the layers may import still passes.
  ['allowed: feature → itself', `src/features/${A}/${tag}-d.ts`, `./${target}`, null],
  ['allowed: feature → api', `src/features/${A}/${tag}-e.ts`, `../../api/${target}`, null],
  ['allowed: components → lib', `src/components/${tag}-d.ts`, `../lib/${target}`, null],
  ['allowed: app → feature', `src/app/${tag}.ts`, `../features/${A}/${target}`, null],
]

let failures = 0
const started = Date.now()
try {
  // The new feature folder must exist before ESLint loads the config: zones are built from the folders on disk.
  fs.mkdirSync(path.join(root, `src/features/${tag}`))
  created.push(path.join(root, `src/features/${tag}`))
  for (const dir of [`features/${A}`, `features/${B}`, 'app', 'api', 'stores', 'lib']) {
    write(`src/${dir}/${target}`, 'export const target = 1\n')
  }
  write(`src/lib/${tag}-cycle-b.ts`, importer(`./${tag}-cycle-a.ts`))
  const files = cases.map(([, file, from]) => write(file, importer(from)))

  const eslint = new ESLint({ cwd: root })
  const results = await eslint.lintFiles(files)
  for (const [i, [what, file, from, rule]] of cases.entries()) {
    const result = results.find((r) => r.filePath === files[i])
    const errors = (result?.messages ?? []).filter((m) => m.severity === 2)
    const ok = rule === null ? errors.length === 0 : errors.length === 1 && errors[0].ruleId === rule
    if (!ok) failures += 1
    const got = errors.map((m) => m.ruleId ?? m.message).join(', ') || 'no error'
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${file} imports '${from}' → ${got}`)
  }
} catch (error) {
  failures += 1
  console.error(error)
} finally {
  cleanUp()
}

// src/ as it is keeps every boundary (only the import rules: `npm run lint` checks the rest).
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId.startsWith('import-x/') })
const results = await eslint.lintFiles(['src'])
const broken = results.flatMap((r) =>
  r.messages
    .filter((m) => m.severity === 2)
    .map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`),
)
if (broken.length > 0) failures += 1
console.log(
  broken.length === 0
    ? `ok   src/ keeps every boundary (${results.length} files)`
    : `FAIL src/ breaks a boundary:\n  ${broken.join('\n  ')}`,
)
console.log(
  `${failures === 0 ? 'boundaries ok' : `boundaries: ${failures} check(s) failed`} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
)
process.exit(failures === 0 ? 0 : 1)
