import { render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TopicList } from './topic-list.tsx'

describe('TopicList with hostile names', () => {
  // jsdom lays nothing out: give the scroll container a size so the virtualizer renders rows.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
  })
  afterEach(() => vi.restoreAllMocks())

  it('renders a lone-surrogate, a dot and a bidi name without throwing; refuses the unaddressable with the reason', async () => {
    render(
      <TopicList
        topics={[
          { name: 'demo.orders' },
          { name: 'bad\ud800name' },
          { name: '..' },
          { name: 'invoice\u202Etxt.exe' },
          { name: 'a/b?c#d%' },
        ]}
      />,
    )
    const list = screen.getByRole('list', { name: 'Topics' })
    await within(list).findByRole('link', { name: 'demo.orders' })
    expect(within(list).getByRole('link', { name: 'demo.orders' })).toHaveAttribute(
      'href',
      '#/topics/demo.orders',
    )
    expect(within(list).getByRole('link', { name: 'a/b?c#d%' })).toHaveAttribute(
      'href',
      '#/topics/a%2Fb%3Fc%23d%25',
    )

    const notes = within(list).getAllByRole('note')
    expect(notes).toHaveLength(2)
    expect(notes[0]).toHaveTextContent(
      'Cannot be opened: This topic name contains an unpaired UTF-16 surrogate (U+D800) and cannot be put in a URL.',
    )
    expect(notes[1]).toHaveTextContent('A topic name ".." cannot be put in a URL path')
    expect(within(list).getByText('U+D800')).toHaveAttribute('title', expect.stringMatching(/unpaired/))
    expect(within(list).queryByRole('link', { name: /bad/ })).toBeNull()
    expect(within(list).queryByRole('link', { name: 'Browse ..' })).toBeNull()

    // The override is a visible mark, and the accessible names carry it in plain text.
    const bidi = within(list).getByRole('link', { name: 'invoiceU+202Etxt.exe' })
    expect(within(bidi).getByText('U+202E')).toHaveAttribute('title', expect.stringMatching(/bidirectional/))
    expect(within(list).getByRole('link', { name: 'Browse invoice[U+202E]txt.exe' })).toBeVisible()
  })
})
