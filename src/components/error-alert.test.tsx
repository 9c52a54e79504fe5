import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ErrorAlert } from './error-alert.tsx'

describe('ErrorAlert', () => {
  it('shows reordering characters in a message (which may quote a name) as marks', () => {
    render(
      <ErrorAlert
        error={{
          message: 'HTTP 404: Topic invoice\u202Etxt.exe not found',
          details: [],
          hint: 'Check the name.',
          request: null,
          body: null,
        }}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('HTTP 404: Topic invoiceU+202Etxt.exe not found')
    expect(alert.textContent).not.toContain('\u202E')
  })

  it('shows the details, the hint, the request and a download of the body', () => {
    render(
      <ErrorAlert
        title="Could not create the topic"
        error={{
          message: 'HTTP 422',
          details: ['record 0: too large'],
          hint: 'Try a smaller record.',
          request: 'POST http://kafka/topics',
          body: { blob: new Blob(['{"error_code":422}']), fileName: 'response-422.json' },
        }}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Could not create the topic')
    expect(screen.getByRole('listitem')).toHaveTextContent('record 0: too large')
    expect(alert).toHaveTextContent('Try a smaller record.')
    expect(alert).toHaveTextContent('POST http://kafka/topics')
    expect(screen.getByRole('button', { name: /Download response body/ })).toBeInTheDocument()
    expect(alert).toHaveTextContent('18 bytes')
  })
})
