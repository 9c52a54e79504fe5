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
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${args.join(' ')}\n${out}`)), 60_000)
    const onData = (d: Buffer) => {
      out += d.toString()
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
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref()
      }),
  }
}

export function startSandboxProcess(apiKey: string): Promise<Started> {
  return startProcess(
    [
      'server/sandbox/main.ts',
      '--port',
      '0',
      '--in-memory',
      '--api-key',
      apiKey,
      '--max-body-bytes',
      String(64 * 1024 * 1024),
    ],
    /sandbox listening on (http:\/\/\S+)/,
  )
}

/** The console server alone (no sandbox of its own), as `npm start` runs it. */
export function startConsoleProcess(): Promise<Started> {
  return startProcess(
    ['server/main.ts', '--no-build', '--no-sandbox', '--port', '0'],
    /Kafka REST Console: (http:\/\/\S+)/,
  )
}
