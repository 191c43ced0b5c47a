// Validation of the console's request bodies, done once at the edge of each route.
import { PlatformError } from './platform-error.ts'

export interface PipelineMetaInput {
  owner: string
  ticket: string
  description: string
}

const META_FIELDS = ['owner', 'ticket', 'description'] as const

function bad (message: string): PlatformError {
  return new PlatformError('BAD_REQUEST', message, { httpStatus: 400 })
}

export function asObject (body: unknown, what: string): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bad(`${what} must be a JSON object`)
  return body as Record<string, unknown>
}

/** Owner, ticket and description: all required (create) or each optional but never blank (edit). */
export function metaInput (body: Record<string, unknown>, required: boolean): Partial<PipelineMetaInput> {
  const out: Partial<PipelineMetaInput> = {}
  const missing: string[] = []
  for (const field of META_FIELDS) {
    const value = body[field]
    if (value === undefined || value === null) { if (required) missing.push(field); continue }
    if (typeof value !== 'string' || value.trim() === '') { missing.push(field); continue }
    out[field] = value.trim()
  }
  if (missing.length > 0) throw bad(`Pipeline ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (owner, ticket and description must be non-empty strings)`)
  return out
}

export function configInput (value: unknown): Record<string, string> {
  const config = asObject(value, 'config')
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(config)) {
    if (v === null || v === undefined) continue
    out[k] = typeof v === 'string' ? v : String(v)
  }
  return out
}

export function nameInput (value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad('Pipeline name is required')
  return value.trim()
}
