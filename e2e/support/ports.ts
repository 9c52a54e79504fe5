/** Ports of the e2e servers (kept away from the 8080/8082 defaults so a running `npm start` does not clash). */
// E2E_PORT_BASE lets two checkouts (or two engineers) run the suite side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 4180)

export const E2E = {
  consolePort: base,
  /** The sandbox the console server starts itself (all APIs: v1, v2, v3, IBM admin). */
  sandboxPort: base + 2,
  /** Sandboxes pinned to one dialect's surface. */
  sandboxV1Port: base + 3,
  sandboxV2Port: base + 4,
  sandboxV3Port: base + 5,
  /** The hostile endpoint (e2e/support/hostile): scenarios under /<name>, in front of the auto sandbox. */
  hostilePort: base + 8,
  faultyPort: base + 9,
  apiKey: 'e2e-key-0123456789',
  /** A Basic user the dialect-pinned sandboxes accept besides the key (`--user`). */
  basicUser: 'e2e-user',
  basicPassword: 'e2e-pass-9876543210',
} as const

export const consoleUrl = `http://127.0.0.1:${E2E.consolePort}`
export const sandboxUrl = (port: number) => `http://127.0.0.1:${port}`

/** The URL of one hostile scenario, e.g. hostileUrl('huge-401'). */
export const hostileUrl = (scenario: string) => `http://127.0.0.1:${E2E.hostilePort}/${scenario}`
