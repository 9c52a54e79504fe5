/** What the console server tells the SPA (`GET api/config`); absent when the SPA is served as static files. */
export interface ServerConfig {
  proxy: boolean
  sandbox: { endpoint: string; apiKey: string } | null
}

export async function fetchServerConfig(signal?: AbortSignal): Promise<ServerConfig | null> {
  try {
    const res = await fetch(new URL('api/config', document.baseURI), {
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
    })
    if (!res.ok || !/json/.test(res.headers.get('content-type') ?? '')) return null
    const body = (await res.json()) as Partial<ServerConfig>
    return { proxy: body.proxy === true, sandbox: body.sandbox ?? null }
  } catch {
    return null
  }
}
