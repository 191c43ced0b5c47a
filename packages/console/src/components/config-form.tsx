// A connector's config form generated from its definition (GET /connector-plugins/{p}/config):
// one field per key with its type, default, documentation and required mark, grouped like
// Connect groups them, with the validate endpoint's errors shown under each field.
import type { ConfigKeyInfo } from '../api/types.ts'

export const HIDDEN_KEYS = new Set(['name', 'connector.class'])

export interface ConfigFormProps {
  definitions: ConfigKeyInfo[]
  values: Record<string, string>
  errors: Record<string, string[]>
  onChange: (key: string, value: string) => void
}

function Field ({ def, value, errors, onChange }: { def: ConfigKeyInfo, value: string, errors: string[], onChange: (v: string) => void }) {
  const id = `cfg-${def.name}`
  const helpId = `${id}-help`
  const errId = `${id}-error`
  const describedBy = [helpId, errors.length > 0 ? errId : ''].filter(Boolean).join(' ')
  const common = {
    id,
    name: def.name,
    'aria-describedby': describedBy,
    'aria-invalid': errors.length > 0,
    'aria-required': def.required,
  }
  let input
  if (def.type === 'BOOLEAN') {
    input = (
      <select {...common} value={value} onChange={e => onChange(e.target.value)}>
        <option value="">{def.default_value === null ? '(not set)' : `default (${def.default_value})`}</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    )
  } else {
    const type = def.type === 'PASSWORD' ? 'password' : ['INT', 'SHORT', 'LONG', 'DOUBLE'].includes(def.type) ? 'number' : 'text'
    input = <input {...common} type={type} value={value} placeholder={def.default_value ?? ''} onChange={e => onChange(e.target.value)} autoComplete="off" />
  }
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}`} data-config-key={def.name}>
      <label htmlFor={id}>
        {def.display_name || def.name}{def.required && <span className="required" aria-hidden="true"> *</span>}
        <code className="key">{def.name}</code>
        <span className="type">{def.type}</span>
      </label>
      {input}
      <p className="help" id={helpId}>
        {def.documentation}
        {def.default_value !== null && def.default_value !== '' && <> Default: <code>{def.default_value}</code>.</>}
        {def.required && ' Required.'}
      </p>
      {errors.length > 0 && <p className="field-error" id={errId} role="alert">{errors.join(' ')}</p>}
    </div>
  )
}

export function ConfigForm ({ definitions, values, errors, onChange }: ConfigFormProps) {
  const groups = new Map<string, ConfigKeyInfo[]>()
  for (const def of definitions) {
    if (HIDDEN_KEYS.has(def.name)) continue
    const g = def.group ?? 'Connector'
    groups.set(g, [...(groups.get(g) ?? []), def])
  }
  // Keys the plugin's definition does not list (transforms.*, predicates.*, client overrides):
  // still shown and editable, so nothing in the config is hidden by the form.
  const known = new Set(definitions.map(d => d.name))
  const extra = Object.keys(values).filter(k => !known.has(k) && !HIDDEN_KEYS.has(k)).sort()
  return (
    <>
      {extra.length > 0 && (
        <details open className="config-group">
          <summary>Other settings <span className="muted">({extra.length})</span></summary>
          <p className="help">Keys outside the plugin's definition, such as transforms; add or remove keys in the JSON view.</p>
          {extra.map(key => (
            <div key={key} className={`field${(errors[key]?.length ?? 0) > 0 ? ' field-invalid' : ''}`} data-config-key={key}>
              <label htmlFor={`cfg-${key}`}><code className="key">{key}</code></label>
              <input id={`cfg-${key}`} value={values[key]} onChange={e => onChange(key, e.target.value)} autoComplete="off" aria-invalid={(errors[key]?.length ?? 0) > 0} />
              {(errors[key]?.length ?? 0) > 0 && <p className="field-error" role="alert">{errors[key].join(' ')}</p>}
            </div>
          ))}
        </details>
      )}
      {[...groups].map(([group, defs], i) => {
        const sorted = [...defs].sort((a, b) => a.order - b.order)
        // The plugin's own keys and Common stay open; framework groups open when they hold something.
        const open = i < 2 || sorted.some(d => d.required || (errors[d.name]?.length ?? 0) > 0 || (values[d.name] ?? '') !== '')
        return (
          <details key={group} open={open} className="config-group">
            <summary>{group} <span className="muted">({sorted.length})</span></summary>
            {sorted.map(def => (
              <Field key={def.name} def={def} value={values[def.name] ?? ''} errors={errors[def.name] ?? []} onChange={v => onChange(def.name, v)} />
            ))}
          </details>
        )
      })}
    </>
  )
}
