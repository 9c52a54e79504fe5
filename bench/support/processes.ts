import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '../..')

export interface Started {
  child: ChildProcess
  url: string
  stop(): Promise<void>
}

/** Starts a Node/TS process and waits for a line matching `ready` (its first group is the URL). */
export async function startProcess(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<Started> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  // If this process ends (a test timed out, Ctrl-C), the child must not outlive it.
  process.once('exit', () => child.kill('SIGKILL'))
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`did not start: ${args.join(' ')}\n${out}`))
    }, 60_000)
    const onData = (d: Buffer) => {
      // Only the tail is kept: it holds the ready line, or the error when the process dies.
      out = (out + d.toString()).slice(-16_384)
      const m = ready.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited (${code}): ${args.join(' ')}\n${out}`)))
  })
  return {
    child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        // A referenced timer: the bench must not exit and leave a child behind that ignored SIGTERM.
        const kill = setTimeout(() => child.kill('SIGKILL'), 3_000)
        child.once('exit', () => {
          clearTimeout(kill)
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

export interface SandboxOptions {
  /** Dialect surface, e.g. `v1,admin` (default: every API). */
  apis?: string
  maxBodyBytes?: number
  /** Per-partition retention caps (the sandbox's defaults keep 128 MB / 500,000 records). */
  retentionBytes?: number
  retentionRecords?: number
}

export function startSandboxProcess(apiKey: string, options: SandboxOptions = {}): Promise<Started> {
  return startProcess(
    [
      'server/sandbox/main.ts',
      '--port',
      '0',
      '--in-memory',
      // No demo topics, and so none of their background producers and consumers competing with what is measured.
      '--no-demo-data',
      '--api-key',
      apiKey,
      '--max-body-bytes',
      String(options.maxBodyBytes ?? 64 * 1024 * 1024),
      ...(options.apis ? ['--apis', options.apis] : []),
      ...(options.retentionBytes ? ['--retention-bytes', String(options.retentionBytes)] : []),
      ...(options.retentionRecords ? ['--retention-records', String(options.retentionRecords)] : []),
    ],
    /sandbox listening on (http:\/\/\S+)/,
  )
}

/** The console server alone (no sandbox of its own), as `npm start` runs it, serving the SPA from `distDir`. */
export function startConsoleProcess(distDir?: string): Promise<Started> {
  return startProcess(
    ['server/main.ts', '--no-build', '--no-sandbox', '--port', '0'],
    /Kafka REST Console: (http:\/\/\S+)/,
    distDir ? { KRC_DIST_DIR: distDir } : {},
  )
}
