import { createServer } from 'node:http'

/**
 * An HTTP server that fails on purpose, for the error paths no real endpoint produces on demand:
 * `/status/<code>/...` answers that status with a Confluent-style error body, `/html/...` a web page,
 * `/text/...` a text/plain 200, `/health` 200.
 */
const port = Number(process.argv[2] ?? 4189)

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  const parts = url.pathname.split('/').filter(Boolean)
  if (parts[0] === 'health') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    return
  }
  if (parts[0] === 'status') {
    const status = Number(parts[1]) || 500
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error_code: status, message: `Injected failure ${status}` }))
    return
  }
  if (parts[0] === 'html') {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><head><title>Corporate login</title></head><body>Sign in</body></html>')
    return
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end('this is not json')
}).listen(port, '127.0.0.1', () => console.log(`faulty upstream on ${port}`))
