// A free loopback port, for servers that cannot be told to bind port 0 and report back
// (Apache Kafka needs its ports written into its config before it starts).
import { createServer } from 'node:net'

export function freePort (host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
