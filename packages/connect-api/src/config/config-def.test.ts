import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigDef, configKeyInfo } from './config-def.ts'
import { Range, ValidString, NonEmptyStringWithoutControlChars, CaseInsensitiveValidString } from './config-validators.ts'
import { AbstractConfig } from './abstract-config.ts'
import { Password } from './password.ts'
import { ConfigError } from '../errors.ts'

function def(): ConfigDef {
  return new ConfigDef()
    .define({ name: 'name', type: 'STRING', importance: 'HIGH', documentation: 'Globally unique name to use for this connector.', group: 'Common', orderInGroup: 1, width: 'MEDIUM', displayName: 'Connector name', validator: NonEmptyStringWithoutControlChars })
    .define({ name: 'tasks.max', type: 'INT', defaultValue: 1, validator: Range.atLeast(1), importance: 'HIGH', documentation: 'Maximum number of tasks.', group: 'Common', orderInGroup: 3 })
    .define({ name: 'enabled', type: 'BOOLEAN', defaultValue: false, importance: 'LOW', documentation: '' })
    .define({ name: 'topics', type: 'LIST', defaultValue: '', importance: 'HIGH', documentation: '' })
    .define({ name: 'ratio', type: 'DOUBLE', defaultValue: 1, importance: 'LOW', documentation: '' })
    .define({ name: 'mode', type: 'STRING', defaultValue: 'a', validator: ValidString.in('a', 'b'), importance: 'LOW', documentation: '', group: 'Other' })
    .define({ name: 'secret', type: 'PASSWORD', defaultValue: null, importance: 'LOW', documentation: '' })
    .define({ name: 'big', type: 'LONG', defaultValue: 0, importance: 'LOW', documentation: '' })
}

test('parse is lenient like Kafka: trimmed strings, any-case booleans, comma lists', () => {
  const parsed = def().parse({ name: ' conn ', 'tasks.max': ' 3 ', enabled: 'TRUE', topics: 'a , b,c', ratio: '0.5', big: '9000000000' })
  assert.equal(parsed.name, 'conn')
  assert.equal(parsed['tasks.max'], 3)
  assert.equal(parsed.enabled, true)
  assert.deepEqual(parsed.topics, ['a', 'b', 'c'])
  assert.equal(parsed.ratio, 0.5)
  assert.equal(parsed.big, 9000000000)
  assert.equal(parsed.mode, 'a')
  assert.deepEqual(def().parse({ name: 'x', topics: '  ' }).topics, [])
})

test('parse errors use Kafka\'s wording', () => {
  assert.throws(() => def().parse({}), new ConfigError('Missing required configuration "name" which has no default value.'))
  assert.throws(() => def().parse({ name: 'x', 'tasks.max': 'two' }), new ConfigError('Invalid value two for configuration tasks.max: Not a number of type INT'))
  assert.throws(() => def().parse({ name: 'x', 'tasks.max': '0' }), new ConfigError('Invalid value 0 for configuration tasks.max: Value must be at least 1'))
  assert.throws(() => def().parse({ name: 'x', enabled: 'yes' }), new ConfigError('Invalid value yes for configuration enabled: Expected value to be either true or false'))
  assert.throws(() => def().parse({ name: 'x', mode: 'c' }), new ConfigError('Invalid value c for configuration mode: String must be one of: a, b'))
  assert.throws(() => def().parse({ name: 'x', 'tasks.max': '3000000000' }), /Not a number of type INT/)
  assert.throws(() => def().parse({ name: 'x', ratio: 'abc' }), /Not a number of type DOUBLE/)
  assert.throws(() => def().parse({ name: '' }), new ConfigError('Invalid value  for configuration name: String may not be empty'))
})

test('validate collects every error per key and keeps definition order', () => {
  const values = def().validate({ 'tasks.max': '0', mode: 'z' })
  assert.deepEqual(values.map((v) => v.name), ['name', 'tasks.max', 'enabled', 'topics', 'ratio', 'mode', 'secret', 'big'])
  const byName = new Map(values.map((v) => [v.name, v]))
  assert.deepEqual(byName.get('name')?.errorMessages, ['Missing required configuration "name" which has no default value.'])
  assert.deepEqual(byName.get('tasks.max')?.errorMessages, ['Invalid value 0 for configuration tasks.max: Value must be at least 1'])
  assert.deepEqual(byName.get('mode')?.errorMessages, ['Invalid value z for configuration mode: String must be one of: a, b'])
  assert.deepEqual(byName.get('enabled')?.errorMessages, [])
  assert.deepEqual(byName.get('tasks.max')?.toInfo('INT'), { name: 'tasks.max', value: '0', recommended_values: [], errors: ['Invalid value 0 for configuration tasks.max: Value must be at least 1'], visible: true })
})

test('validate asks recommenders for values and visibility', () => {
  const d = new ConfigDef()
    .define({ name: 'kind', type: 'STRING', defaultValue: 'file', importance: 'HIGH', documentation: '', dependents: ['path'] })
    .define({
      name: 'path', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: '',
      recommender: { validValues: () => ['/tmp', '/var'], visible: (_n, parsed) => parsed.kind === 'file' },
    })
  const path = d.validate({ kind: 'http' }).find((v) => v.name === 'path')!
  assert.deepEqual(path.recommendedValues, ['/tmp', '/var'])
  assert.equal(path.visible, false)
})

test('configKeyInfo is Kafka Connect\'s REST ConfigKeyInfo', () => {
  const keys = def().configKeys
  assert.deepEqual(configKeyInfo(keys.get('name')!), {
    name: 'name', type: 'STRING', required: true, default_value: null, importance: 'HIGH',
    documentation: 'Globally unique name to use for this connector.', group: 'Common', order: 1, width: 'MEDIUM',
    display_name: 'Connector name', dependents: [],
  })
  assert.equal(configKeyInfo(keys.get('ratio')!).default_value, '1.0')
  assert.equal(configKeyInfo(keys.get('topics')!).default_value, '')
  assert.equal(configKeyInfo(keys.get('secret')!).default_value, null)
  assert.equal(configKeyInfo(keys.get('secret')!).required, false)
  assert.deepEqual(def().groups(), ['Common', 'Other'])
})

test('define rejects duplicates and invalid defaults', () => {
  assert.throws(() => def().define({ name: 'name', type: 'STRING', importance: 'LOW', documentation: '' }), /defined twice/)
  assert.throws(() => new ConfigDef().define({ name: 'n', type: 'INT', defaultValue: 0, validator: Range.between(1, 5), importance: 'LOW', documentation: '' }), /Invalid default value/)
})

test('embed prefixes a child definition', () => {
  const child = new ConfigDef().define({ name: 'field', type: 'STRING', importance: 'HIGH', documentation: '' })
  const parent = new ConfigDef().embed('transforms.a.', 'Transforms: a', 1, child)
  assert.deepEqual(parent.names(), ['transforms.a.field'])
  assert.equal(parent.configKeys.get('transforms.a.field')?.group, 'Transforms: a')
})

test('AbstractConfig, passwords and case-insensitive strings', () => {
  const c = new AbstractConfig(def(), { name: 'x', secret: 'hunter2', 'extra.key': 'v' })
  assert.equal(c.getString('name'), 'x')
  assert.ok(c.getPassword('secret') instanceof Password)
  assert.equal(String(c.getPassword('secret')), '[hidden]')
  assert.equal(JSON.stringify({ p: c.getPassword('secret') }), '{"p":"[hidden]"}')
  assert.equal(c.getPassword('secret')?.value, 'hunter2')
  assert.deepEqual(c.originalsWithPrefix('extra.'), { key: 'v' })
  const v = CaseInsensitiveValidString.in('NONE', 'ALL')
  v.ensureValid('errors.tolerance', 'all')
  assert.throws(() => v.ensureValid('errors.tolerance', 'some'), /String must be one of \(case insensitive\): NONE, ALL/)
})

test('configKeyForm adds what console forms need: rule text, allowed values, bounds', async () => {
  const { configKeyForm } = await import('./config-def.ts')
  const keys = def().configKeys
  const mode = configKeyForm(keys.get('mode')!)
  assert.deepEqual([mode.validator, mode.valid_values, mode.min], ['[a, b]', ['a', 'b'], null])
  const tasks = configKeyForm(keys.get('tasks.max')!)
  assert.deepEqual([tasks.validator, tasks.min, tasks.max, tasks.valid_values], ['[1,...]', 1, null, null])
  assert.equal(configKeyForm(keys.get('enabled')!).validator, null)
})
