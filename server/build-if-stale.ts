import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Inputs of the SPA build: when any is newer than dist/index.html, the build is stale. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json']

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0
  const info = statSync(p)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)))
  return newest
}

export function isDistStale(root: string, distDir = path.join(root, 'dist')): boolean {
  const index = path.join(distDir, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return INPUTS.some((input) => newestMtime(path.join(root, input)) > built)
}

/** Runs `vite build` when dist/ is missing or older than its sources. Type checking is CI's job. */
export function buildIfStale(root: string, distDir: string, log: (line: string) => void): void {
  if (!isDistStale(root, distDir)) return
  log(`${path.relative(root, distDir) || distDir}/ is missing or stale: building the console (vite build)…`)
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const args = [vite, 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir']
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`vite build failed (exit code ${result.status ?? result.signal})`)
}
