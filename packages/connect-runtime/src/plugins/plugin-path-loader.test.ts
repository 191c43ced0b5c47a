import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadPluginPath } from './plugin-path-loader.ts'
import { PluginRegistry } from './plugin-registry.ts'

test('plugin.path loads plugin packages from a directory and from installed npm packages', async () => {
  const root = await mkdtemp(join(tmpdir(), 'plugin-path-'))
  const pkg = join(root, 'echo-plugin')
  await mkdir(pkg)
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'echo-plugin', type: 'module', exports: './index.js' }))
  await writeFile(join(pkg, 'index.js'), `export const plugins = [{ className: 'com.example.EchoSourceConnector', aliases: [], type: 'source', version: '1.2.3', create: () => ({}), config: () => null }]\n`)
  await mkdir(join(root, 'not-a-plugin'))
  const warnings: string[] = []
  const registry = new PluginRegistry()
  await loadPluginPath(registry, `${root}, @tributary/connector-file, no-such-package-xyz`, (m) => warnings.push(m))
  const echo = registry.find('connector', 'EchoSource')
  assert.equal(echo?.className, 'com.example.EchoSourceConnector')
  assert.equal(registry.find('connector', 'EchoSourceConnector'), echo)
  assert.equal(registry.location(echo!), `file:${pkg}/`)
  assert.equal(registry.find('connector', 'FileStreamSink')?.className, 'org.apache.kafka.connect.file.FileStreamSinkConnector')
  assert.equal(warnings.length, 1)
  assert.match(warnings[0], /no-such-package-xyz/)
})

test('an alias claimed by two plugins is dropped as ambiguous', () => {
  const registry = new PluginRegistry()
  const d = (className: string) => ({ className, aliases: [], type: 'source' as const, version: '1', create: () => ({}), config: () => { throw new Error('unused') } })
  registry.add([d('a.MySourceConnector'), d('b.MySourceConnector')])
  assert.equal(registry.find('connector', 'MySource'), undefined)
  assert.equal(registry.find('connector', 'a.MySourceConnector')?.className, 'a.MySourceConnector')
})
