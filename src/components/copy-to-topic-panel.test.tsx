import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { CopyResult } from '../lib/copy/copy-records.ts'
import { CopyToTopicPanel, type RunCopy } from './copy-to-topic-panel.tsx'

beforeAll(() => {
  // jsdom has no modal dialogs.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false
  }
})

const results: CopyResult[] = [
  { source: { partition: 0, offset: '4' }, result: { ok: true, partition: 0, offset: '0' } },
  {
    source: { partition: 1, offset: '9' },
    result: { ok: false, errorCode: 40402, message: 'no such partition' },
  },
]

/** Types the name and presses Enter once it is the only match (jsdom lays out no list rows to click). */
async function chooseTarget(name: string) {
  const combo = screen.getByRole('combobox', { name: 'Target topic' })
  fireEvent.change(combo, { target: { value: name } })
  await screen.findByText(/^1 of \d+ topics$/)
  fireEvent.keyDown(combo, { key: 'Enter' })
  await waitFor(() => expect(combo).toHaveValue(name))
}

describe('CopyToTopicPanel', () => {
  it('in production waits for the typed topic name: Cancel copies nothing; confirmed, it shows each failure', async () => {
    const onCopy = vi.fn<RunCopy>(async (_t, _p, _s, onProgress) => {
      onProgress(2, 2)
      return results
    })
    render(
      <CopyToTopicPanel
        topics={['dst', 'other']}
        count={2}
        scope="Copies all 2 messages."
        problems={{ same: null, auto: null }}
        production
        onCopy={onCopy}
      />,
    )
    expect(screen.getByText('Copies all 2 messages.')).toBeInTheDocument()
    await chooseTarget('dst')
    fireEvent.click(screen.getByRole('button', { name: 'Copy to topic' }))
    const dialog = screen.getByRole('form', { name: 'Copy to dst in production?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onCopy).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: 'Copy to topic' }))
    const again = screen.getByRole('form', { name: 'Copy to dst in production?' })
    fireEvent.change(within(again).getByRole('textbox', { name: 'Type the topic name to confirm' }), {
      target: { value: 'dst' },
    })
    fireEvent.click(within(again).getByRole('button', { name: 'Copy to production' }))
    expect(onCopy).toHaveBeenCalledTimes(1)
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Copy progress' })).toHaveTextContent(
        'Copied 2 of 2 · 1 produced, 1 failed',
      ),
    )
    expect(onCopy).toHaveBeenCalledWith('dst', 'same', expect.any(AbortSignal), expect.any(Function))
    expect(screen.getByRole('list', { name: 'Copy failures' })).toHaveTextContent('1:9 — no such partition')
  })

  it('shows why a partition mode cannot copy and keeps the button off; Stop aborts the running copy', async () => {
    let signal: AbortSignal | undefined
    const onCopy = vi.fn<RunCopy>(
      (_t, _p, s, onProgress) =>
        new Promise((resolve) => {
          signal = s
          onProgress(1, 3)
          s.addEventListener('abort', () => resolve(results.slice(0, 1)))
        }),
    )
    render(
      <CopyToTopicPanel
        topics={['dst']}
        count={3}
        problems={{ same: 'This API cannot produce to a chosen partition: pick Auto.', auto: null }}
        production={false}
        onCopy={onCopy}
      />,
    )
    await chooseTarget('dst')
    const copy = screen.getByRole('button', { name: 'Copy to topic' })
    expect(screen.getByText(/pick Auto/)).toBeInTheDocument()
    expect(copy).toBeDisabled()
    fireEvent.change(screen.getByRole('combobox', { name: 'Target partition' }), {
      target: { value: 'auto' },
    })
    expect(copy).toBeEnabled()
    fireEvent.click(copy)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop copy' })).toBeEnabled())
    fireEvent.click(screen.getByRole('button', { name: 'Stop copy' }))
    expect(signal?.aborted).toBe(true)
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Copy progress' })).toHaveTextContent(
        'Copied 1 of 3 · 1 produced, 0 failed · stopped',
      ),
    )
  })
})
