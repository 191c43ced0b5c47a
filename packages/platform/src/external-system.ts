// Names the external system on the far side of a connector from its config, so the
// lineage graph can show "file /tmp/in.txt → source → topic" rather than a bare connector.
// Unknown plugins fall back to one node per connector, labelled by plugin.
import type { ConfigMap } from './config-diff.ts'

export interface ExternalSystem {
  id: string
  label: string
  kind: string
}

function shortPlugin (connectorClass: string | undefined): string {
  const last = (connectorClass ?? 'unknown').split('.').pop() ?? 'unknown'
  return last.replace(/(Source|Sink)?Connector$/, '') || last
}

function withoutCredentials (url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//').replace(/([?&;](password|user)=)[^&;]*/gi, '$1***')
}

export function externalSystemOf (connectorName: string, config: ConfigMap): ExternalSystem {
  const plugin = shortPlugin(config['connector.class'])
  if (/FileStream/i.test(plugin)) {
    const file = config.file
    if (file === undefined || file === '') return { id: `stdio:${connectorName}`, label: /Sink/i.test(config['connector.class'] ?? '') ? 'stdout' : 'stdin', kind: 'file' }
    return { id: `file:${file}`, label: file, kind: 'file' }
  }
  const url = config['connection.url'] ?? config['connection.uri'] ?? config['http.url'] ?? config.url ?? config['store.url'] ?? config['hdfs.url']
  if (url !== undefined && url !== '') {
    const clean = withoutCredentials(url)
    const table = config['table.name.format'] ?? config['table.whitelist'] ?? config['table.include.list'] ?? config.collection
    return { id: `url:${clean}${table ? `#${table}` : ''}`, label: table ? `${clean} (${table})` : clean, kind: plugin.toLowerCase() }
  }
  const host = config['database.hostname']
  if (host !== undefined) {
    const db = config['database.dbname'] ?? config['database.names'] ?? ''
    const id = `db:${host}:${config['database.port'] ?? ''}/${db}`
    return { id, label: `${host}${db ? `/${db}` : ''}`, kind: plugin.toLowerCase() }
  }
  const cluster = config['source.cluster.bootstrap.servers'] ?? config['target.cluster.bootstrap.servers']
  if (cluster !== undefined) return { id: `kafka:${cluster}`, label: `Kafka ${cluster}`, kind: 'kafka' }
  return { id: `system:${connectorName}`, label: `${plugin} (${connectorName})`, kind: plugin.toLowerCase() }
}
