import { Button } from '../../components/button.tsx'
import { Notice } from '../../components/notice.tsx'

/** "All partitions" over this many asks first: each partition costs offset reads and a read of its own. */
export const ASK_ALL_PARTITIONS_OVER = 32

/** Asked before reading every partition of a topic with many of them; nothing is read until confirmed. */
export function AllPartitionsPrompt({
  topic,
  partitions,
  consumers,
  onConfirm,
}: {
  topic: string
  partitions: number
  /** The dialect reads through temporary consumer instances (several requests each). */
  consumers: boolean
  onConfirm(): void
}) {
  const n = partitions.toLocaleString('en-US')
  return (
    <Notice tone="warning" role="status">
      <p>
        <span className="font-mono">{topic}</span> has {n} partitions. Reading all of them means asking for
        the offsets of each and reading each one
        {consumers ? ' through its own temporary consumer instance' : ''}, a few at a time: at least {n}{' '}
        requests. Choose one partition above, or read them all.
      </p>
      <Button size="sm" className="mt-2" onClick={onConfirm}>
        Read all {n} partitions
      </Button>
    </Notice>
  )
}
