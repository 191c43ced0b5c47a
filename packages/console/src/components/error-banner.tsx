// A failed call is shown with what failed; role=alert so screen readers announce it.
export function ErrorBanner ({ error, onDismiss }: { error: string | undefined, onDismiss?: () => void }) {
  if (error === undefined || error === '') return null
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      {onDismiss && <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss error">✕</button>}
    </div>
  )
}
