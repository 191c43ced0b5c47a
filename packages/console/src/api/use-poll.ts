// Loads data now and again every `intervalMs` (0 = once), keeping the last good value when a
// refresh fails so a transient error does not blank the page.
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Polled<T> {
  data: T | undefined
  error: string | undefined
  loading: boolean
  reload: () => Promise<void>
}

export function usePoll<T> (load: () => Promise<T>, intervalMs: number, deps: unknown[]): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [loading, setLoading] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    try {
      const value = await loadRef.current()
      setData(value)
      setError(undefined)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    setLoading(true)
    setData(undefined)
    void reload()
    if (intervalMs <= 0) return
    // A hidden tab does not poll; it catches up as soon as it is shown again.
    const timer = setInterval(() => { if (!document.hidden) void reload() }, intervalMs)
    const onVisible = (): void => { if (!document.hidden) void reload() }
    document.addEventListener('visibilitychange', onVisible)
    return () => { clearInterval(timer); document.removeEventListener('visibilitychange', onVisible) }
  }, deps)

  return { data, error, loading, reload }
}
