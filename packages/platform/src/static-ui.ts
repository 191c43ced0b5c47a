// Serves the built console (packages/console/dist) under /ui. Unknown paths below /ui get
// index.html so the console's client-side routes survive a reload.
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { FastifyInstance } from 'fastify'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
}

async function isFile (path: string): Promise<boolean> {
  try { return (await stat(path)).isFile() } catch { return false }
}

export async function staticUiRoutes (app: FastifyInstance, distDir: string): Promise<void> {
  const root = normalize(distDir)
  const index = join(root, 'index.html')

  app.get('/ui', async (_req, reply) => reply.redirect('/ui/'))
  app.get<{ Params: { '*': string } }>('/ui/*', async (req, reply) => {
    const wanted = normalize(join(root, decodeURIComponent(req.params['*'] ?? '')))
    const inside = wanted === root || wanted.startsWith(root + sep)
    const file = inside && await isFile(wanted) ? wanted : index
    if (!await isFile(file)) {
      reply.code(503).type('text/plain; charset=utf-8')
      return `The console is not built (no ${index}). Run \`npm install\` or \`npm run build -w @tributary/console\` at the repository root.`
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    // Hashed assets never change; index.html must, so the browser revalidates it.
    reply.header('cache-control', file === index ? 'no-cache' : 'public, max-age=31536000, immutable')
    reply.type(type)
    return readFile(file)
  })
}
