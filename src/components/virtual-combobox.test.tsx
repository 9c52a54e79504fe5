import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VirtualCombobox } from './virtual-combobox.tsx'

const names = Array.from({ length: 10_000 }, (_, i) => `topic-${String(i).padStart(5, '0')}`)

function Harness({ items = names, initial = '' }: { items?: string[]; initial?: string }) {
  const [value, setValue] = useState(initial)
  return (
    <>
      <VirtualCombobox label="Topic" noun="topics" items={items} value={value} onChange={setValue} />
      <span data-testid="chosen">{value}</span>
    </>
  )
}

beforeEach(() => {
  // jsdom has no layout: give every element a 300 px box so the real virtualizer renders a window of rows.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(300)
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(400)
  // jsdom does not scroll: scrollTo keeps the offset and reports it, as a browser would.
  const tops = new WeakMap<Element, number>()
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '') || 300
  })
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return tops.get(this) ?? 0
  })
  Element.prototype.scrollTo = function (this: Element, opts?: ScrollToOptions | number) {
    tops.set(this, typeof opts === 'object' ? (opts.top ?? 0) : 0)
    this.dispatchEvent(new Event('scroll'))
  }
})
afterEach(() => {
  vi.restoreAllMocks()
  delete (Element.prototype as { scrollTo?: unknown }).scrollTo
})

const combobox = () => screen.getByRole('combobox', { name: 'Topic' })
const listbox = () => screen.getByRole('listbox', { name: 'Topic options' })
const chosen = () => screen.getByTestId('chosen').textContent

describe('VirtualCombobox', () => {
  it('is a closed combobox named by its label, with aria wiring to its listbox when open', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = combobox()
    expect(input).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('listbox')).toBeNull()
    await user.click(input)
    expect(input).toHaveAttribute('aria-expanded', 'true')
    expect(input).toHaveAttribute('aria-controls', listbox().id)
    expect(screen.getByRole('status')).toHaveTextContent('10,000 of 10,000 topics')
  })

  it('renders only a window of the options, never all 10,000', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.click(combobox())
    const options = within(listbox()).getAllByRole('option')
    expect(options.length).toBeGreaterThan(0)
    expect(options.length).toBeLessThan(50)
    expect(options[0]).toHaveAttribute('aria-setsize', '10000')
    expect(options[0]).toHaveAttribute('aria-posinset', '1')
  })

  it('filters while typing (case-insensitive), shows "n of N" and a no-match state', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.type(combobox(), 'TOPIC-0999')
    expect(await screen.findByText('10 of 10,000 topics')).toBeInTheDocument()
    expect(
      within(listbox())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `topic-0999${i}`))
    await user.type(combobox(), 'x')
    expect(await screen.findByText(/No match for “TOPIC-0999x” among 10,000 topics/)).toBeInTheDocument()
    expect(within(listbox()).queryAllByRole('option')).toHaveLength(0)
  })

  it('moves with arrows, Home/End and PageUp/PageDown, and picks with Enter', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = combobox()
    await user.click(input)
    const activeText = () =>
      document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent
    expect(input).not.toHaveAttribute('aria-activedescendant')
    await user.keyboard('{ArrowDown}')
    expect(activeText()).toBe('topic-00000')
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(activeText()).toBe('topic-00001')
    await user.keyboard('{PageDown}')
    expect(activeText()).toBe('topic-00011')
    await user.keyboard('{PageUp}')
    expect(activeText()).toBe('topic-00001')
    await user.keyboard('{End}')
    expect(await screen.findByRole('option', { name: 'topic-09999' })).toBeInTheDocument()
    expect(activeText()).toBe('topic-09999')
    await user.keyboard('{Home}')
    expect(activeText()).toBe('topic-00000')
    await user.keyboard('{ArrowDown}{Enter}')
    expect(chosen()).toBe('topic-00001')
    expect(input).toHaveValue('topic-00001')
    expect(input).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens on the current value, marks it selected, and Escape restores the value', async () => {
    const user = userEvent.setup()
    render(<Harness initial="topic-05000" />)
    const input = combobox()
    expect(input).toHaveValue('topic-05000')
    await user.click(input)
    const selected = await screen.findByRole('option', { name: 'topic-05000' })
    expect(selected).toHaveAttribute('aria-selected', 'true')
    expect(input).toHaveAttribute('aria-activedescendant', selected.id)
    await user.type(input, 'zzz')
    expect(input).toHaveValue('zzz')
    await user.keyboard('{Escape}')
    expect(input).toHaveValue('topic-05000')
    expect(chosen()).toBe('topic-05000')
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('picks an option with the mouse', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.type(combobox(), '0042')
    await user.click(await screen.findByRole('option', { name: 'topic-00420' }))
    expect(chosen()).toBe('topic-00420')
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('filters 1,000,000 names without blocking: the work is split into slices', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const many = Array.from({ length: 1_000_000 }, (_, i) => `load.t${String(i).padStart(7, '0')}`)
      render(<Harness items={many} />)
      const input = combobox()
      act(() => input.focus())
      await act(async () => {
        input.click()
      })
      const started = performance.now()
      await act(async () => {
        // fireEvent-free typing: the input's change handler, as a keystroke would call it.
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
        setter.call(input, 't0999999')
        input.dispatchEvent(new Event('input', { bubbles: true }))
      })
      // The first slice ran synchronously and yielded: the rest waits for timers.
      expect(performance.now() - started).toBeLessThan(500)
      expect(screen.getByRole('status')).toHaveTextContent('searching')
      await act(async () => {
        await vi.runAllTimersAsync()
      })
      expect(screen.getByRole('status')).toHaveTextContent('1 of 1,000,000 topics')
      expect(screen.getByRole('option', { name: 'load.t0999999' })).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })
})
