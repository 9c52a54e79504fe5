// Builds the real Kafka REST servers of the real lane from the vendored source archives (never from GitHub):
// the Strimzi Kafka Bridge with Maven, Karapace as a Python venv. Each build is cached under
// e2e/real-kafka/cache/<name>-<sha256 of the archive, 16 hex>/ with a `.complete` marker, so a second run
// reuses it and a new archive rebuilds. Used by scripts/real-kafka.mjs; documented in e2e/real-kafka/README.md.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const BRIDGE_ARCHIVE = 'strimzi-kafka-bridge-0.33.1-src.tar.gz'
export const KARAPACE_ARCHIVE = 'karapace-3.15.0-src.tar.gz'
export const KARAPACE_VERSION = '3.15.0'
const BUILD_TIMEOUT_MS = 20 * 60_000

export class BuildFail extends Error {}

/**
 * The vendored archives: REAL_VENDOR_DIR, else `shared/vendor` beside the checkout (CI copies `shared/` next to
 * its clone), else one level further up (a git worktree under `wt/`).
 */
export function vendorDir(root, env = process.env) {
  if (env.REAL_VENDOR_DIR) return path.resolve(env.REAL_VENDOR_DIR)
  const candidates = [path.join(root, '../shared/vendor'), path.join(root, '../../shared/vendor')]
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]
}

function archivePath(dir, name) {
  const file = path.join(dir, name)
  if (!fs.existsSync(file))
    throw new BuildFail(
      `the vendored source archive ${file} is missing.\n` +
        `The real lane builds its servers from ../shared/vendor/ beside this checkout (${name}, listed with its ` +
        `checksum in shared/vendor/SHA256SUMS). Copy that folder next to the checkout or set REAL_VENDOR_DIR to ` +
        `where it is. It is an unmodified \`git archive\` of the release tag; this script never downloads it.`,
    )
  return file
}

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function run(cmd, args, opts, logFile, what) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 << 20,
    ...opts,
  })
  fs.appendFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`)
  if (r.error) throw new BuildFail(`${what}: cannot run ${cmd} (${r.error.code})`)
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n')
    throw new BuildFail(`${what} failed (exit ${r.status ?? r.signal}); log: ${logFile}\n${tail}`)
  }
  return r.stdout
}

/** A cached build: reused when its `.complete` marker names the archive's hash and `check` passes. */
function cached(cacheDir, name, archive, check) {
  const hash = sha256(archive)
  const dir = path.join(cacheDir, `${name}-${hash.slice(0, 16)}`)
  const marker = path.join(dir, '.complete')
  const ok = fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash && check(dir)
  return { dir, hash, ok, done: () => fs.writeFileSync(marker, hash) }
}

/** Strimzi Kafka Bridge: `mvn package` of the source release; keeps its libs/ and log4j2 config. */
export function ensureBridge({ root, cacheDir, runDir, log, env = process.env }) {
  const archive = archivePath(vendorDir(root, env), BRIDGE_ARCHIVE)
  const c = cached(cacheDir, 'bridge', archive, (d) => fs.existsSync(path.join(d, 'libs')))
  const out = { libs: path.join(c.dir, 'libs'), log4j: path.join(c.dir, 'log4j2.properties'), built: false }
  if (c.ok) return out
  const started = Date.now()
  const logFile = path.join(runDir, 'build-bridge.log')
  fs.writeFileSync(logFile, '')
  log(`building the Strimzi bridge from ${archive} with Maven (log: ${logFile})`)
  fs.rmSync(c.dir, { recursive: true, force: true })
  const src = path.join(c.dir, 'src')
  fs.mkdirSync(src, { recursive: true })
  run('tar', ['xzf', archive, '-C', src, '--strip-components=1'], {}, logFile, 'unpacking the bridge')
  // maven.test.skip: the tests are not even compiled; only libs/ is kept.
  const mvnArgs = [
    '-B',
    '-q',
    '-Dstyle.color=never',
    '-Dmaven.test.skip=true',
    '-Dcheckstyle.skip',
    '-Dspotbugs.skip',
  ]
  mvnArgs.push('-Dmaven.javadoc.skip', '-Dmaven.source.skip=true', 'package')
  run(env.MVN || 'mvn', mvnArgs, { cwd: src }, logFile, 'the bridge build (Java 17 + Maven 3.8 needed)')
  const dist = path.join(src, 'target')
  const libs = fs
    .readdirSync(dist)
    .filter((d) => d.startsWith('kafka-bridge-'))
    .map((d) => path.join(dist, d, d, 'libs'))
    .find((d) => fs.existsSync(d))
  if (!libs) throw new BuildFail(`the bridge build produced no libs/ folder under ${dist}`)
  fs.cpSync(libs, out.libs, { recursive: true })
  fs.copyFileSync(path.join(src, 'config/log4j2.properties'), out.log4j)
  fs.rmSync(src, { recursive: true, force: true })
  c.done()
  log(`bridge built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { ...out, built: true, buildMs: Date.now() - started }
}

/**
 * Karapace: a venv with the source release installed, with the two deviations the vendor README names: the
 * version is written instead of read from git, and the Avro fork pinned from GitHub is replaced by avro 1.11.3.
 */
export function ensureKarapace({ root, cacheDir, runDir, log, env = process.env }) {
  const archive = archivePath(vendorDir(root, env), KARAPACE_ARCHIVE)
  const python = env.PYTHON || 'python3'
  const c = cached(cacheDir, 'karapace', archive, (d) => {
    // A venv names its own absolute path: a moved checkout needs a new one.
    const r = spawnSync(path.join(d, 'venv/bin/python'), ['-c', 'import karapace, sys; print(sys.prefix)'], {
      encoding: 'utf8',
    })
    return r.status === 0 && r.stdout.trim() === path.join(d, 'venv')
  })
  const out = { bin: path.join(c.dir, 'venv/bin/karapace'), built: false }
  if (c.ok) return out
  const started = Date.now()
  const logFile = path.join(runDir, 'build-karapace.log')
  fs.writeFileSync(logFile, '')
  log(`building Karapace from ${archive} into a venv (log: ${logFile})`)
  fs.rmSync(c.dir, { recursive: true, force: true })
  const src = path.join(c.dir, 'src')
  fs.mkdirSync(src, { recursive: true })
  run('tar', ['xzf', archive, '-C', src, '--strip-components=1'], {}, logFile, 'unpacking Karapace')
  fs.writeFileSync(path.join(src, 'karapace/version.py'), `__version__ = "${KARAPACE_VERSION}"\n`)
  const reqs = fs
    .readFileSync(path.join(src, 'requirements/requirements.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !/^\s*#/.test(l) && !/^avro @/.test(l))
  reqs.push('avro==1.11.3')
  const reqFile = path.join(c.dir, 'requirements.txt')
  fs.writeFileSync(reqFile, reqs.join('\n') + '\n')
  const venv = path.join(c.dir, 'venv')
  run(python, ['-m', 'venv', venv], {}, logFile, 'creating the venv (Python 3.8+ with venv needed)')
  const pip = path.join(venv, 'bin/pip')
  run(pip, ['install', '-q', '--disable-pip-version-check', '-r', reqFile], {}, logFile, 'pip install')
  // KARAPACE_VERSION: its setup.py would otherwise ask git, which finds this checkout's history.
  const pipEnv = { env: { ...env, KARAPACE_VERSION } }
  run(
    pip,
    ['install', '-q', '--disable-pip-version-check', '--no-deps', src],
    pipEnv,
    logFile,
    'installing Karapace',
  )
  fs.rmSync(src, { recursive: true, force: true })
  c.done()
  log(`Karapace built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { ...out, built: true, buildMs: Date.now() - started }
}
