import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigTransformer } from './config-transformer.ts'

test('file, directory and env providers resolve placeholders; unknown ones stay raw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfgprov-'))
  writeFileSync(join(dir, 'secrets.properties'), 'db.password=s3cret\nuser = bob\n')
  mkdirSync(join(dir, 'keys'))
  writeFileSync(join(dir, 'keys', 'token'), 'tok-123')
  process.env.TRIBUTARY_TEST_VAR = 'from-env'
  const t = ConfigTransformer.fromWorkerConfig({
    'config.providers': 'file,dir,env',
    'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
    'config.providers.dir.class': 'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
    'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
    'config.providers.env.param.allowlist.pattern': 'TRIBUTARY_.*',
  })
  const raw = {
    password: `\${file:${dir}/secrets.properties:db.password}`,
    mixed: `u=\${file:${dir}/secrets.properties:user};t=\${dir:${dir}/keys:token}`,
    env: '${env:TRIBUTARY_TEST_VAR}',
    blocked: '${env:HOME}',
    missing: `\${file:${dir}/secrets.properties:nope}`,
    unknown: '${vault:x:y}',
    plain: 'x',
  }
  assert.equal(t.hasPlaceholders(raw), true)
  assert.deepEqual(t.transform(raw), {
    password: 's3cret',
    mixed: 'u=bob;t=tok-123',
    env: 'from-env',
    blocked: '${env:HOME}',
    missing: `\${file:${dir}/secrets.properties:nope}`,
    unknown: '${vault:x:y}',
    plain: 'x',
  })
})

test('allowed.paths restricts the file provider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfgprov-'))
  writeFileSync(join(dir, 'a.properties'), 'k=v\n')
  const t = ConfigTransformer.fromWorkerConfig({
    'config.providers': 'file',
    'config.providers.file.class': 'FileConfigProvider',
    'config.providers.file.param.allowed.paths': '/nonexistent-root',
  })
  assert.equal(t.transform({ a: `\${file:${dir}/a.properties:k}` }).a, `\${file:${dir}/a.properties:k}`)
})
