// The console end to end: Debian's Chromium driven by playwright-core against a real
// `tributary start`. A FileStreamSource and a FileStreamSink pipeline are created through the
// forms, then watched, paused, stopped, their offsets edited, and deleted, the way a user would.
// Screenshots of the main pages land in test-results/console/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { startTributary } from './tributary-process.ts'
import type { RunningTributary } from './tributary-process.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SHOTS = fileURLToPath(new URL('../../../test-results/console/', import.meta.url))

async function waitUntil (what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try { if (await check()) return } catch (err) { lastError = err }
    await new Promise(r => setTimeout(r, 300))
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`)
}

async function rest<T> (t: RunningTributary, path: string): Promise<T> {
  const res = await fetch(t.url + path)
  return await res.json() as T
}

/** A fresh create form: via the list, so the form mounts anew even if it was the last page. */
async function openCreateForm (page: Page, ui: string): Promise<void> {
  await page.goto(ui)
  await page.getByRole('link', { name: 'New pipeline' }).first().click()
  await page.locator('#meta-plugin').waitFor()
}

async function choosePlugin (page: Page, suffix: string): Promise<void> {
  const select = page.locator('#meta-plugin')
  await waitUntil(`plugin ${suffix} to be offered`, async () => (await select.locator('option').allTextContents()).some(o => o.includes(suffix)))
  const value = await select.locator('option').evaluateAll((opts, s) => (opts as HTMLOptionElement[]).find(o => o.textContent?.includes(s as string))?.value ?? '', suffix)
  await select.selectOption(value)
  await page.locator('[data-config-key="file"] input').waitFor()
}

async function fillMeta (page: Page, name: string, ticket: string, description: string): Promise<void> {
  await page.fill('#meta-name', name)
  await page.fill('#meta-owner', 'cory')
  await page.fill('#meta-ticket', ticket)
  await page.fill('#meta-description', description)
}

async function stateOf (page: Page): Promise<string | null> {
  return page.locator('h1 [data-state]').getAttribute('data-state')
}

test('console: create, watch, lineage, pause/resume, stop + offsets, delete — in Chromium against tributary start', { timeout: 300_000 }, async t => {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true') assert.fail(`Chromium is required under CI but ${CHROMIUM} is missing (apt-get install chromium)`)
    t.skip(`skipped: ${CHROMIUM} missing (apt-get install chromium)`)
    return
  }
  const { chromium } = await import('playwright-core')
  const dir = await mkdtemp(join(tmpdir(), 'tributary-console-e2e-'))
  const input = join(dir, 'in.txt')
  const output = join(dir, 'out.txt')
  const topic = 'console-e2e-lines'
  await writeFile(input, Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n') + '\n')
  await mkdir(SHOTS, { recursive: true })

  const tributary = await startTributary(join(dir, 'data'))
  let feeding: NodeJS.Timeout | undefined
  const browser: { current?: Browser } = {}
  t.after(async () => {
    clearInterval(feeding)
    await browser.current?.close()
    await tributary.close()
    await rm(dir, { recursive: true, force: true })
  })
  browser.current = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  const page = await browser.current.newPage({ viewport: { width: 1440, height: 1000 } })
  const pageErrors: string[] = []
  page.on('pageerror', err => pageErrors.push(err.message))
  const ui = `${tributary.url}/ui/`

  await t.test('empty state says how to start', async () => {
    await page.goto(ui)
    await page.getByText('No pipelines yet.').waitFor()
  })

  await t.test('an invalid config shows the validate errors inline and creates nothing', async () => {
    await openCreateForm(page, ui)
    await choosePlugin(page, 'FileStreamSink')
    await fillMeta(page, 'bad-sink', 'ADS-0', 'should never exist')
    await page.fill('[data-config-key="file"] input', output)
    await page.fill('[data-config-key="topics"] input', topic)
    await page.fill('[data-config-key="tasks.max"] input', '-5')
    await page.click('button[type=submit]')
    const fieldError = page.locator('[data-config-key="tasks.max"] .field-error')
    await fieldError.waitFor()
    assert.match(await fieldError.innerText(), /tasks\.max|at least|Invalid value/i)
    await page.screenshot({ path: join(SHOTS, 'create-invalid.png'), fullPage: true })
    const connectors = await rest<string[]>(tributary, '/connectors')
    assert.ok(!connectors.includes('bad-sink'), 'nothing created')
  })

  await t.test('owner, ticket and description are required', async () => {
    await openCreateForm(page, ui)
    await choosePlugin(page, 'FileStreamSource')
    await page.fill('#meta-name', 'no-owner')
    await page.fill('[data-config-key="file"] input', input)
    await page.fill('[data-config-key="topic"] input', topic)
    await page.click('button[type=submit]')
    await page.locator('#meta-owner ~ .field-error').getByText('Owner is required.').waitFor()
    assert.ok(!(await rest<string[]>(tributary, '/connectors')).includes('no-owner'))
  })

  await t.test('create a FileStreamSource and a FileStreamSink through the forms; both RUNNING', async () => {
    await openCreateForm(page, ui)
    await choosePlugin(page, 'FileStreamSource')
    await fillMeta(page, 'e2e-source', 'ADS-101', 'lines from a file into Kafka')
    await page.fill('[data-config-key="file"] input', input)
    await page.fill('[data-config-key="topic"] input', topic)
    // The JSON view shows the same config.
    await page.getByRole('tab', { name: 'JSON' }).click()
    const json = JSON.parse(await page.locator('.json-editor').inputValue()) as Record<string, string>
    assert.equal(json.file, input)
    assert.equal(json.topic, topic)
    await page.getByRole('tab', { name: 'Form' }).click()
    await page.click('button[type=submit]')
    await page.waitForURL(/#\/pipelines\/e2e-source$/)

    await openCreateForm(page, ui)
    await choosePlugin(page, 'FileStreamSink')
    await fillMeta(page, 'e2e-sink', 'ADS-102', 'lines from Kafka into a file')
    await page.fill('[data-config-key="file"] input', output)
    await page.fill('[data-config-key="topics"] input', topic)
    await page.click('button[type=submit]')
    await page.waitForURL(/#\/pipelines\/e2e-sink$/)
    assert.equal(await page.getByTestId('owner').innerText(), 'cory')
    assert.equal(await page.getByTestId('ticket').innerText(), 'ADS-102')

    await page.goto(ui)
    for (const name of ['e2e-source', 'e2e-sink']) {
      await waitUntil(`${name} RUNNING in the list`, async () =>
        await page.locator(`tr[data-pipeline="${name}"] [data-state]`).first().getAttribute('data-state') === 'RUNNING')
    }
    await page.fill('#search', 'ticket:ADS-101')
    await waitUntil('search to narrow to one row', async () => await page.locator('tr[data-pipeline]').count() === 1)
    await page.fill('#search', '')
    await page.screenshot({ path: join(SHOTS, 'pipelines.png'), fullPage: true })
  })

  await t.test('records/s chart moves and the lag returns to zero', async () => {
    let n = 50
    feeding = setInterval(() => { void appendFile(input, `line ${n++}\n`) }, 50)
    await page.goto(`${ui}#/pipelines/e2e-source`)
    await waitUntil('the records/s chart to show a non-zero rate', async () => {
      const last = await page.getByTestId('chart-rate').getAttribute('data-last')
      return last !== null && last.split(',').some(v => Number(v) > 0)
    }, 60_000)
    await page.screenshot({ path: join(SHOTS, 'source-detail.png'), fullPage: true })
    await page.goto(ui)
    await waitUntil('records/s in the list', async () => Number(await page.locator('tr[data-pipeline="e2e-source"] td.num').first().innerText()) > 0, 30_000)
    await page.screenshot({ path: join(SHOTS, 'pipelines-running.png'), fullPage: true })
    clearInterval(feeding)
    const total = n
    await page.goto(`${ui}#/pipelines/e2e-sink`)
    await waitUntil('every line to reach the sink file', async () => (await readFile(output, 'utf8').catch(() => '')).split('\n').filter(Boolean).length >= total, 60_000)
    // Zero lag on committed offsets: the per-partition table lists the sink's partition, lag 0.
    await waitUntil('lag badge OK with zero lag on committed partitions', async () => {
      const badge = page.locator('[data-testid="lag-status"] [data-lag-status]')
      const rows = await page.locator('.lag-partitions tbody tr').count()
      return rows > 0 && await badge.getAttribute('data-lag-status') === 'OK' && /· 0$/.test(await badge.innerText())
    }, 60_000)
    await page.screenshot({ path: join(SHOTS, 'sink-detail.png'), fullPage: true })
  })

  await t.test('lineage connects file → source → topic → sink → file', async () => {
    await page.goto(`${ui}#/lineage`)
    const edges = [
      `file:${input}>in->connector:e2e-source`,
      `connector:e2e-source->topic:${topic}`,
      `topic:${topic}->connector:e2e-sink`,
      `connector:e2e-sink->file:${output}>out`,
    ]
    // A straight edge has a zero-height box, which Playwright calls invisible: wait for presence.
    for (const e of edges) await page.locator(`[data-edge="${e}"]`).waitFor({ state: 'attached', timeout: 20_000 })
    await page.screenshot({ path: join(SHOTS, 'lineage.png'), fullPage: true })
    // Focus on the topic through the picker: its producers and consumers stay in the graph.
    await page.selectOption('#lineage-focus', `topic:${topic}`)
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/#\/lineage\?topic=/)
    for (const e of edges) await page.locator(`[data-edge="${e}"]`).waitFor({ state: 'attached', timeout: 20_000 })
  })

  await t.test('edit through the form; the history shows who changed what', async () => {
    await page.goto(`${ui}#/pipelines/e2e-sink`)
    // "You are" travels as X-Tributary-User and is recorded as who made the change.
    await page.getByLabel('Your name, recorded in change history').fill('kim')
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await waitUntil('the edit form to load the current config', async () => await page.locator('[data-config-key="topics"] input').inputValue() === topic)
    await page.fill('#meta-ticket', 'ADS-103')
    await page.fill('[data-config-key="tasks.max"] input', '1')
    await page.click('button[type=submit]')
    await page.waitForURL(/#\/pipelines\/e2e-sink$/)
    await waitUntil('the new ticket shown', async () => await page.getByTestId('ticket').innerText() === 'ADS-103')
    const updated = page.locator('[data-history-action="updated"]').first()
    await updated.waitFor()
    assert.match(await updated.innerText(), /tasks\.max/)
    assert.match(await updated.innerText(), /ADS-103/)
    assert.match(await updated.innerText(), /· kim/)
    // Copy starts a new pipeline from this config; owner, ticket and name are the new one's own.
    await page.getByRole('link', { name: 'Copy', exact: true }).click()
    await waitUntil('the copied config in the form', async () => await page.locator('[data-config-key="topics"] input').inputValue() === topic)
    assert.equal(await page.inputValue('#meta-name'), '')
    assert.equal(await page.inputValue('#meta-owner'), '')
  })

  await t.test('pause and resume a selection from the list', async () => {
    await page.goto(ui)
    await page.getByRole('checkbox', { name: 'Select all shown pipelines' }).check()
    await page.click('[data-bulk-action="pause"]')
    for (const name of ['e2e-source', 'e2e-sink']) {
      await waitUntil(`${name} PAUSED`, async () => await page.locator(`tr[data-pipeline="${name}"] [data-state]`).first().getAttribute('data-state') === 'PAUSED')
    }
    await page.click('[data-bulk-action="resume"]')
    for (const name of ['e2e-source', 'e2e-sink']) {
      await waitUntil(`${name} RUNNING again`, async () => await page.locator(`tr[data-pipeline="${name}"] [data-state]`).first().getAttribute('data-state') === 'RUNNING')
    }
  })

  await t.test('pause and resume one pipeline', async () => {
    await page.goto(`${ui}#/pipelines/e2e-sink`)
    await page.getByRole('button', { name: 'Pause', exact: true }).click()
    await waitUntil('PAUSED', async () => await stateOf(page) === 'PAUSED')
    await page.getByRole('button', { name: 'Resume', exact: true }).click()
    await waitUntil('RUNNING again', async () => await stateOf(page) === 'RUNNING')
  })

  await t.test('stop, then edit an offset', async () => {
    await page.goto(`${ui}#/pipelines/e2e-source`)
    await page.getByRole('button', { name: 'Stop', exact: true }).click()
    await waitUntil('STOPPED', async () => await stateOf(page) === 'STOPPED')
    const field = page.locator('[data-offset-index="0"]')
    await field.waitFor({ timeout: 20_000 })
    const current = JSON.parse(await field.inputValue()) as Record<string, unknown>
    assert.ok(typeof current.position === 'number', `source offset has a position: ${JSON.stringify(current)}`)
    await field.fill(JSON.stringify({ position: 7 }))
    await page.getByRole('button', { name: 'Save offsets' }).click()
    await page.getByText(/altered successfully/).waitFor()
    const offsets = await rest<{ offsets: { offset: { position: number } }[] }>(tributary, '/connectors/e2e-source/offsets')
    assert.equal(offsets.offsets[0].offset.position, 7)
    await page.getByText('offsets-altered').first().waitFor()
    await page.screenshot({ path: join(SHOTS, 'source-stopped-offsets.png'), fullPage: true })
  })

  await t.test('a failed task shows its trace and can be restarted alone', async () => {
    const res = await fetch(`${tributary.url}/api/pipelines`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'e2e-broken', config: { 'connector.class': 'FileStreamSink', file: join(dir, 'no-such-dir', 'out.txt'), topics: topic }, owner: 'cory', ticket: 'ADS-104', description: 'writes where it cannot' }),
    })
    assert.equal(res.status, 201)
    await page.goto(`${ui}#/pipelines/e2e-broken`)
    const task = page.locator('tr[data-instance="task-0"]')
    await waitUntil('task 0 FAILED', async () => await task.locator('[data-state]').getAttribute('data-state') === 'FAILED')
    await task.getByText('failure trace').click()
    assert.match(await task.locator('pre').innerText(), /no such file|ENOENT/i)
    await page.screenshot({ path: join(SHOTS, 'failed-task.png'), fullPage: true })
    await task.getByRole('button', { name: 'Restart task 0' }).click()
    await page.getByText('restart task 0: done').waitFor()
    await fetch(`${tributary.url}/api/pipelines/e2e-broken`, { method: 'DELETE' })
    // A failed call says which call failed and why.
    await page.reload()
    const banner = page.getByRole('alert').first()
    await banner.waitFor()
    assert.match(await banner.innerText(), /GET \/api\/pipelines\/e2e-broken failed \(404\).*not found/)
  })

  await t.test('delete asks for confirmation', async () => {
    await page.goto(`${ui}#/pipelines/e2e-source`)
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('dialog').waitFor()
    await page.screenshot({ path: join(SHOTS, 'delete-confirm.png') })
    // Keyboard: focus starts on Cancel, Escape closes the dialog.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    assert.ok((await rest<string[]>(tributary, '/connectors')).includes('e2e-source'), 'cancel keeps it')
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete pipeline' }).click()
    await page.waitForURL(/#\/$/)
    await waitUntil('the connector to be gone', async () => !(await rest<string[]>(tributary, '/connectors')).includes('e2e-source'))
  })

  await t.test('the platform history lists every change, deletes included', async () => {
    await page.goto(`${ui}#/history`)
    await page.locator('[data-history-action="deleted"]').filter({ hasText: 'e2e-source' }).first().waitFor()
    await page.fill('#history-search', 'e2e-sink')
    await waitUntil('the filter to keep only e2e-sink entries', async () => {
      const texts = await page.locator('.history li').allInnerTexts()
      return texts.length > 0 && texts.every(x => x.includes('e2e-sink'))
    })
    await page.screenshot({ path: join(SHOTS, 'history.png'), fullPage: true })
  })

  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
})
