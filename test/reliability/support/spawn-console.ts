import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface SpawnedConsole {
  child: ChildProcess
  consoleUrl: string
  sandboxUrl: string
  /** Resident memory of the server process, in bytes (from /proc). */
  rss(): number
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

const root = path.resolve(import.meta.dirname, '../../..')

/** Starts `server/main.ts` (console + sandbox, in memory, no build) as its own process, on free ports. */
export async function spawnConsole(apiKey: string, extraArgs: string[] = []): Promise<SpawnedConsole> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--no-build',
      '--port',
      '0',
      '--sandbox-port',
      '0',
      '--sandbox-in-memory',
      '--sandbox-api-key',
      apiKey,
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // If this process ends (a test timed out, Ctrl-C), the child must not outlive it.
  process.once('exit', () => child.kill('SIGKILL'))
  let out = ''
  const urls = await new Promise<{ consoleUrl: string; sandboxUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave a half-started server behind.
      child.kill('SIGKILL')
      reject(new Error(`server did not start:\n${out}`))
    }, 30_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const c = /Kafka REST Console: (http:\/\/\S+)/.exec(out)
      const s = /sandbox listening on (http:\/\/\S+)/.exec(out)
      if (c && s) {
        clearTimeout(timer)
        resolve({ consoleUrl: c[1], sandboxUrl: s[1] })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)))
  })
  return {
    child,
    ...urls,
    output: () => out,
    rss: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
}
