// Serves the built console (packages/console/dist) under /ui. Unknown paths below /ui get
// index.html so the console's client-side routes survive a reload.
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'

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

  const serve = async (relative: string, reply: FastifyReply): Promise<unknown> => {
    const wanted = normalize(join(root, relative))
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
  }

  // The host may match paths with or without a trailing slash (the Connect server does, as
  // Jersey), so /ui and /ui/ can land on one route: decide by the URL actually asked for.
  app.get('/ui', async (req, reply) => {
    const path = req.url.split('?')[0]
    return path.endsWith('/') ? serve('', reply) : reply.redirect('/ui/')
  })
  app.get<{ Params: { '*': string } }>('/ui/*', async (req, reply) => serve(decodeURIComponent(req.params['*'] ?? ''), reply))
}
