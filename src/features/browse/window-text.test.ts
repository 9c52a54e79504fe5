import { describe, expect, it } from 'vitest'
import type { LoadedWindow } from '../../lib/browse/load-window.ts'
import { record } from '../../lib/browse/test-records.ts'
import { viewFromParams } from './browse-view.ts'
import { describeWindow, indexOfMessage, messageId, messageUrl } from './window-text.ts'

const caps = { offsets: true, timestamps: true }
const range = (partition: number) => ({ partition, direction: 'forward' as const, from: '0', count: 50 })
const loaded = (records: LoadedWindow['records'], partitions: number[], order: LoadedWindow['order']) =>
  ({ records, partitions: partitions.map((p) => ({ range: range(p) })), order }) as LoadedWindow

describe('window text', () => {
  it('describes one partition by its offsets', () => {
    const view = viewFromParams(new URLSearchParams('topic=t&partition=0'), caps)
    expect(describeWindow(view, loaded([record(0, 98), record(0, 100)], [0], 'offset'))).toBe(
      '2 messages of partition 0, offsets 98–100',
    )
    expect(describeWindow(view, loaded([], [0], 'offset'))).toBe('No messages in this window of partition 0')
    // From the window's first and last offset of the partition, as loadWindow records them.
    const w = loaded([record(0, 98), record(0, 100)], [0], 'offset')
    w.partitions[0] = { ...w.partitions[0], first: '98', last: '100' }
    expect(describeWindow(view, w)).toBe('2 messages of partition 0, offsets 98–100')
  })
  it('says how all partitions are merged', () => {
    const view = viewFromParams(new URLSearchParams('topic=t'), caps)
    expect(describeWindow(view, loaded([record(0, 1)], [0, 1, 2], 'timestamp'))).toBe(
      '1 message from 3 partitions, merged by timestamp (then partition and offset)',
    )
    expect(describeWindow(view, loaded([record(0, 1)], [0, 1], 'offset'))).toMatch(
      /merged by offset, then partition$/,
    )
    expect(describeWindow(view, loaded([record(4, 1)], [4], 'offset'))).toBe(
      '1 message of partition 4, offsets 1–1',
    )
  })
  it('links to a message with view state only', () => {
    const view = viewFromParams(
      new URLSearchParams('topic=demo.orders&partition=1&start=offset&offset=5&decoder=hex'),
      caps,
    )
    const url = messageUrl(view, { partition: 1, offset: '7' }, 'http://h/app/')
    expect(url).toBe(
      'http://h/app/#/browse?topic=demo.orders&partition=1&start=offset&offset=5&count=50&decoder=hex&sel=1%3A7',
    )
    expect(messageId({ partition: 3, offset: '9' })).toBe('3:9')
  })
  it('finds a message by its id without building one per record', () => {
    const rs = [record(0, 5), record(1, 5), record(1, 6)]
    expect(indexOfMessage(rs, '1:5')).toBe(1)
    expect(indexOfMessage(rs, messageId(rs[2]))).toBe(2)
    for (const id of ['2:5', '01:5', '1:05', '15', '', undefined]) expect(indexOfMessage(rs, id)).toBe(-1)
  })
})
