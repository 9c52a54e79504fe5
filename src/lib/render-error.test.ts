import { describe, expect, it } from 'vitest'
import { renderErrorMessage } from './render-error.ts'

describe('renderErrorMessage', () => {
  it('names the error and its message', () => {
    expect(renderErrorMessage(new TypeError('x is undefined'))).toBe('TypeError: x is undefined')
    expect(renderErrorMessage('plain')).toBe('plain')
  })

  it('never throws', () => {
    expect(renderErrorMessage(Object.create(null))).toBe('an error that cannot be shown')
  })
})
