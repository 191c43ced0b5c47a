// Create or edit a pipeline: pick a plugin, fill the generated form (or the JSON view of the
// same config), give owner, ticket and description. The config is validated by Connect first;
// errors show inline and nothing is created until it passes.
import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../api/client.ts'
import type { ConfigKeyInfo, PluginInfo } from '../api/types.ts'
import { ConfigForm, HIDDEN_KEYS } from '../components/config-form.tsx'
import { ErrorBanner } from '../components/error-banner.tsx'
import { href, navigate } from '../router.ts'

type Meta = { owner: string, ticket: string, description: string }
const META_LABELS: Record<keyof Meta, string> = { owner: 'Owner', ticket: 'Ticket', description: 'Description' }

const shortName = (cls: string): string => cls.split('.').pop() ?? cls

/** `editName`: edit that pipeline. `copyFrom`: a new pipeline starting from that one's config. */
export function PipelineFormPage ({ editName, copyFrom }: { editName?: string, copyFrom?: string }) {
  const editing = editName !== undefined
  const source = editName ?? copyFrom
  const [plugins, setPlugins] = useState<PluginInfo[]>([])
  const [plugin, setPlugin] = useState('')
  const [definitions, setDefinitions] = useState<ConfigKeyInfo[]>([])
  const [name, setName] = useState(editName ?? '')
  const [values, setValues] = useState<Record<string, string>>({})
  const [meta, setMeta] = useState<Meta>({ owner: '', ticket: '', description: '' })
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({})
  const [summary, setSummary] = useState<string[]>([])
  const [error, setError] = useState<string>()
  const [view, setView] = useState<'form' | 'json'>('form')
  const [jsonText, setJsonText] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api.plugins().then(setPlugins, err => setError((err as Error).message))
    if (source === undefined) return
    api.pipeline(source).then(p => {
      setPlugin(p.config['connector.class'] ?? '')
      setValues(Object.fromEntries(Object.entries(p.config).filter(([k]) => !HIDDEN_KEYS.has(k))))
      // A copy is a new pipeline: it gets its own owner, ticket and description.
      if (editing) setMeta({ owner: p.owner ?? '', ticket: p.ticket ?? '', description: p.description ?? '' })
    }, err => setError((err as Error).message))
  }, [source, editing])

  useEffect(() => {
    if (plugin === '') { setDefinitions([]); return }
    api.pluginConfig(plugin).then(setDefinitions, err => setError((err as Error).message))
  }, [plugin])

  const fullConfig = (): Record<string, string> => {
    const config: Record<string, string> = { 'connector.class': plugin, name }
    for (const [k, v] of Object.entries(values)) if (v !== '') config[k] = v
    return config
  }

  const switchView = (next: 'form' | 'json'): void => {
    if (next === view) return
    if (next === 'json') {
      setJsonText(JSON.stringify(fullConfig(), null, 2))
    } else {
      try {
        const parsed = JSON.parse(jsonText) as Record<string, unknown>
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the config must be a JSON object')
        const next: Record<string, string> = {}
        for (const [k, v] of Object.entries(parsed)) {
          if (k === 'connector.class') setPlugin(String(v))
          else if (k === 'name') { if (!editing) setName(String(v)) } else next[k] = String(v)
        }
        setValues(next)
      } catch (err) {
        setError(`The JSON view does not parse: ${(err as Error).message}`)
        return
      }
    }
    setError(undefined)
    setView(next)
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setError(undefined)
    let config = fullConfig()
    if (view === 'json') {
      try {
        config = Object.fromEntries(Object.entries(JSON.parse(jsonText) as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
        config.name = name
      } catch (err) { setError(`The JSON view does not parse: ${(err as Error).message}`); return }
    }
    const errs: Record<string, string[]> = {}
    for (const key of Object.keys(META_LABELS) as (keyof Meta)[]) if (meta[key].trim() === '') errs[`meta.${key}`] = [`${META_LABELS[key]} is required.`]
    if (name.trim() === '') errs['meta.name'] = ['Name is required.']
    if (plugin === '') errs['meta.plugin'] = ['Choose a plugin.']
    if (Object.keys(errs).length > 0) { setFieldErrors(errs); setSummary(Object.values(errs).flat()); return }
    setBusy(true)
    try {
      const result = await api.validate(plugin, config)
      const byKey: Record<string, string[]> = {}
      for (const c of result.configs) if (c.value && c.value.errors.length > 0) byKey[c.value.name] = c.value.errors
      setFieldErrors(byKey)
      setSummary(Object.entries(byKey).map(([k, v]) => `${k}: ${v.join(' ')}`))
      if (result.error_count > 0) return
      if (editing) await api.update(name, config, meta)
      else await api.create(name, config, meta)
      await api.refresh().catch(() => undefined)
      navigate(href.detail(name))
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const metaField = (key: keyof Meta, multiline = false) => {
    const errs = fieldErrors[`meta.${key}`] ?? []
    const common = {
      id: `meta-${key}`,
      value: meta[key],
      required: true,
      'aria-invalid': errs.length > 0,
      onChange: (ev: { target: { value: string } }) => setMeta({ ...meta, [key]: ev.target.value }),
    }
    return (
      <div className={`field${errs.length > 0 ? ' field-invalid' : ''}`}>
        <label htmlFor={`meta-${key}`}>{META_LABELS[key]}<span className="required" aria-hidden="true"> *</span></label>
        {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
        {errs.length > 0 && <p className="field-error" role="alert">{errs.join(' ')}</p>}
      </div>
    )
  }

  return (
    <form className="page form-page" onSubmit={submit} noValidate>
      <h1>{editing ? `Edit ${editName}` : copyFrom ? `New pipeline from ${copyFrom}` : 'New pipeline'}</h1>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
      {summary.length > 0 && (
        <div className="error-summary" role="alert" data-testid="validation-summary">
          <strong>{summary.length} problem{summary.length === 1 ? '' : 's'} to fix before saving:</strong>
          <ul>{summary.map(s => <li key={s}>{s}</li>)}</ul>
        </div>
      )}
      <fieldset>
        <legend>Pipeline</legend>
        <div className={`field${fieldErrors['meta.name'] ? ' field-invalid' : ''}`}>
          <label htmlFor="meta-name">Name<span className="required" aria-hidden="true"> *</span></label>
          <input id="meta-name" value={name} required disabled={editing} onChange={e => setName(e.target.value)} />
          {fieldErrors['meta.name'] && <p className="field-error" role="alert">{fieldErrors['meta.name'].join(' ')}</p>}
        </div>
        <div className={`field${fieldErrors['meta.plugin'] ? ' field-invalid' : ''}`}>
          <label htmlFor="meta-plugin">Plugin<span className="required" aria-hidden="true"> *</span></label>
          <select id="meta-plugin" value={plugin} disabled={editing} required onChange={e => { setPlugin(e.target.value); setFieldErrors({}); setSummary([]) }}>
            <option value="">Choose a connector plugin…</option>
            {plugins.map(p => <option key={p.class} value={p.class}>{shortName(p.class)} ({p.type}{p.version ? ` ${p.version}` : ''})</option>)}
          </select>
          {plugins.length === 0 && <p className="help">No connector plugins are installed on this worker.</p>}
          {fieldErrors['meta.plugin'] && <p className="field-error" role="alert">{fieldErrors['meta.plugin'].join(' ')}</p>}
        </div>
        {metaField('owner')}
        {metaField('ticket')}
        {metaField('description', true)}
      </fieldset>
      {plugin !== '' && (
        <fieldset>
          <legend>Configuration</legend>
          <div className="tabs" role="tablist" aria-label="Config view">
            <button type="button" role="tab" aria-selected={view === 'form'} onClick={() => switchView('form')}>Form</button>
            <button type="button" role="tab" aria-selected={view === 'json'} onClick={() => switchView('json')}>JSON</button>
          </div>
          {view === 'form'
            ? <ConfigForm definitions={definitions} values={values} errors={fieldErrors} onChange={(k, v) => setValues({ ...values, [k]: v })} />
            : <textarea className="json-editor mono" aria-label="Config as JSON" rows={18} value={jsonText} onChange={e => setJsonText(e.target.value)} />}
        </fieldset>
      )}
      <div className="actions">
        <a href={editing ? href.detail(editName) : href.list()} className="button">Cancel</a>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : editing ? 'Save changes' : 'Create pipeline'}</button>
      </div>
    </form>
  )
}
