import { useState } from 'react'
import { currentUser, setCurrentUser } from './api/client.ts'
import { PipelineListPage } from './pages/pipeline-list-page.tsx'
import { PipelineFormPage } from './pages/pipeline-form-page.tsx'
import { PipelineDetailPage } from './pages/pipeline-detail-page.tsx'
import { LineagePage } from './pages/lineage-page.tsx'
import { HistoryPage } from './pages/history-page.tsx'
import { href, useRoute } from './router.ts'

export function App () {
  const route = useRoute()
  const [user, setUser] = useState(currentUser)
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <a className="brand" href={href.list()}>Tributary</a>
        <nav aria-label="Main">
          <a href={href.list()} aria-current={route.page === 'list' ? 'page' : undefined}>Pipelines</a>
          <a href={href.create()} aria-current={route.page === 'new' ? 'page' : undefined}>New pipeline</a>
          <a href={href.lineage()} aria-current={route.page === 'lineage' ? 'page' : undefined}>Lineage</a>
          <a href={href.history()} aria-current={route.page === 'history' ? 'page' : undefined}>History</a>
          <a href="/metrics">Metrics</a>
        </nav>
        <label className="user">
          <span>You are</span>
          <input value={user} placeholder="your name" onChange={e => { setUser(e.target.value); setCurrentUser(e.target.value) }} aria-label="Your name, recorded in change history" />
        </label>
      </header>
      <main id="main">
        {route.page === 'list' && <PipelineListPage />}
        {route.page === 'new' && <PipelineFormPage key={route.copyFrom ?? ''} copyFrom={route.copyFrom} />}
        {route.page === 'edit' && <PipelineFormPage key={route.name} editName={route.name} />}
        {route.page === 'detail' && <PipelineDetailPage key={route.name} name={route.name} />}
        {route.page === 'lineage' && <LineagePage pipeline={route.pipeline} topic={route.topic} />}
        {route.page === 'history' && <HistoryPage />}
      </main>
    </>
  )
}
