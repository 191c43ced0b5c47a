import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { staticUiRoutes } from './static-ui.ts'

test('serves the built console under /ui with an index.html fallback, never outside dist', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'static-ui-'))
  const dist = join(dir, 'dist')
  await mkdir(join(dist, 'assets'), { recursive: true })
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>console</title>')
  await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'do not serve')
  const app = Fastify()
  await staticUiRoutes(app, dist)
  t.after(async () => { await app.close(); await rm(dir, { recursive: true, force: true }) })

  const redirect = await app.inject('/ui')
  assert.equal(redirect.statusCode, 302)
  assert.equal(redirect.headers.location, '/ui/')

  const index = await app.inject('/ui/')
  assert.equal(index.statusCode, 200)
  assert.match(String(index.headers['content-type']), /text\/html/)
  assert.equal(index.headers['cache-control'], 'no-cache')

  const asset = await app.inject('/ui/assets/app-1234.js')
  assert.equal(asset.body, 'console.log(1)')
  assert.match(String(asset.headers['content-type']), /javascript/)
  assert.match(String(asset.headers['cache-control']), /immutable/)

  const deepLink = await app.inject('/ui/pipelines/x')
  assert.match(deepLink.body, /<title>console<\/title>/)

  for (const url of ['/ui/../secret.txt', '/ui/..%2Fsecret.txt', '/ui/%2e%2e/secret.txt', '/ui/assets/..%2F..%2Fsecret.txt']) {
    const res = await app.inject(url)
    assert.ok(!res.body.includes('do not serve'), `${url} must not escape dist`)
  }
})

test('says how to build the console when dist is missing', async t => {
  const app = Fastify()
  await staticUiRoutes(app, join(tmpdir(), 'no-such-console-dist'))
  t.after(() => app.close())
  const res = await app.inject('/ui/')
  assert.equal(res.statusCode, 503)
  assert.match(res.body, /npm install/)
})

test('a host that ignores trailing slashes still serves /ui/ (no redirect loop)', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'static-ui-'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>')
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } })
  await staticUiRoutes(app, dir)
  t.after(async () => { await app.close(); await rm(dir, { recursive: true, force: true }) })
  assert.equal((await app.inject('/ui')).statusCode, 302)
  const index = await app.inject('/ui/')
  assert.equal(index.statusCode, 200)
  assert.match(index.body, /<title>console<\/title>/)
  assert.equal((await app.inject('/ui/?x=1')).statusCode, 200)
})
