import { spawn, type ChildProcess } from 'node:child_process'

/** A sandbox of the test's own, which the test may stop and start again (to see the console recover). */
export class SandboxProcess {
  readonly port: number
  readonly apiKey: string
  private child: ChildProcess | null = null

  constructor(port: number, apiKey: string) {
    this.port = port
    this.apiKey = apiKey
  }

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  async start() {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/sandbox/main.ts',
        '--port',
        String(this.port),
        '--in-memory',
        '--api-key',
        this.apiKey,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    this.child = child
    // If this process ends (a test timed out, Ctrl-C), the child must not outlive it.
    process.once('exit', () => child.kill('SIGKILL'))
    let out = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`sandbox did not start: ${out}`))
      }, 30_000)
      const onData = (d: Buffer) => {
        out += d.toString()
        if (out.includes('sandbox listening on')) {
          clearTimeout(timer)
          resolve()
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${out}`)))
    })
  }

  async stop() {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }
}
