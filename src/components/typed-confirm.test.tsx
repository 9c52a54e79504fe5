import { fireEvent, render, screen } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { TypedConfirm } from './typed-confirm.tsx'

beforeAll(() => {
  // jsdom has no modal dialogs.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false
  }
})

describe('TypedConfirm', () => {
  it('acts only once the exact name is typed, and Cancel calls back without acting', () => {
    const onConfirm = vi.fn()
    const onCancel = vi.fn()
    render(
      <TypedConfirm
        open
        title="Produce to orders in production?"
        expected="orders"
        confirmLabel="Produce to production"
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    )
    const confirm = screen.getByRole('button', { name: 'Produce to production' })
    const input = screen.getByRole('textbox', { name: 'Type the topic name to confirm' })
    expect(confirm).toBeDisabled()
    fireEvent.change(input, { target: { value: 'Orders' } })
    expect(confirm).toBeDisabled()
    fireEvent.submit(input.closest('form')!)
    expect(onConfirm).not.toHaveBeenCalled()
    fireEvent.change(input, { target: { value: 'orders' } })
    expect(confirm).toBeEnabled()
    fireEvent.click(confirm)
    expect(onConfirm).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })
})
