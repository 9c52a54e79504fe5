import { expect, it } from 'vitest'
import { topicNameError } from './topic-name.ts'

it('applies Kafka topic name rules', () => {
  expect(topicNameError('orders.v1_a-b')).toBeNull()
  expect(topicNameError('')).toMatch(/Enter a name/)
  expect(topicNameError('.')).toMatch(/cannot be named/)
  expect(topicNameError('a b')).toMatch(/" " is not allowed/)
  expect(topicNameError('x'.repeat(250))).toMatch(/249/)
  expect(topicNameError('x'.repeat(249))).toBeNull()
})
