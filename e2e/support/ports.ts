/** Ports of the e2e servers (kept away from the 8080/8082 defaults so a running `npm start` does not clash). */
export const E2E = {
  consolePort: 4180,
  /** The sandbox the console server starts itself (all APIs: v1, v2, v3, IBM admin). */
  sandboxPort: 4182,
  /** Sandboxes pinned to one dialect's surface. */
  sandboxV1Port: 4183,
  sandboxV2Port: 4184,
  sandboxV3Port: 4185,
  faultyPort: 4189,
  apiKey: 'e2e-key-0123456789',
} as const

export const consoleUrl = `http://127.0.0.1:${E2E.consolePort}`
export const sandboxUrl = (port: number) => `http://127.0.0.1:${port}`
