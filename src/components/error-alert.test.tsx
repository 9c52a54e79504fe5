import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { KafkaRestError } from '../api/errors.ts'
import { ErrorAlert } from './error-alert.tsx'

describe('ErrorAlert', () => {
  it('shows reordering characters in a message (which may quote a name) as marks', () => {
    const error = new KafkaRestError({
      kind: 'http',
      status: 404,
      message: 'HTTP 404: Topic invoice\u202Etxt.exe not found',
      hint: 'Check the name.',
    })
    render(<ErrorAlert error={error} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('HTTP 404: Topic invoiceU+202Etxt.exe not found')
    expect(alert.textContent).not.toContain('\u202E')
  })
})
