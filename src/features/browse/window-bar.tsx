import { useMemo } from 'react'
import { Button } from '../../components/button.tsx'
import { Spinner } from '../../components/spinner.tsx'
import type { LoadedWindow } from '../../lib/browse/load-window.ts'
import type { BrowseView } from './browse-view.ts'
import { describeWindow } from './window-text.ts'

export type LiveMode = 'off' | 'running' | 'paused'

interface Props {
  view: BrowseView
  window: LoadedWindow | undefined
  fetching: boolean
  progress: number
  live: LiveMode
  liveAllowed: string | null
  onPrevious(): void
  onNext(): void
  onLive(mode: LiveMode): void
}

/** The window's summary, exact previous/next windows, and the live tail switch. */
export function WindowBar({
  view,
  window: w,
  fetching,
  progress,
  live,
  liveAllowed,
  onPrevious,
  onNext,
  onLive,
}: Props) {
  const liveOn = live !== 'off'
  // Reads every offset of the window: once per window, not on every render (a keystroke, a click, a progress tick).
  const partition = view.partition
  const description = useMemo(() => (w ? describeWindow({ partition }, w) : ''), [partition, w])
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <p className="text-sm font-medium" aria-live="polite">
        {liveOn ? 'Live tail: polling the end of the log' : description}
      </p>
      {fetching && !liveOn && (
        <Spinner
          label={
            progress > 0
              ? `Fetching: ${progress.toLocaleString('en-US')} messages so far`
              : 'Fetching messages'
          }
        />
      )}
      <div className="ml-auto flex flex-wrap gap-2">
        <Button size="sm" disabled={liveOn || !w?.hasPrevious} onClick={onPrevious}>
          ← Previous {view.count}
        </Button>
        <Button
          size="sm"
          disabled={liveOn || !w}
          onClick={onNext}
          title={w && !w.hasNext ? 'At the end offset now; newer messages may have arrived' : undefined}
        >
          Next {view.count} →
        </Button>
        {!liveOn ? (
          <Button
            size="sm"
            disabled={liveAllowed !== null}
            title={liveAllowed ?? undefined}
            onClick={() => onLive('running')}
          >
            Live tail
          </Button>
        ) : (
          <>
            <Button size="sm" onClick={() => onLive(live === 'running' ? 'paused' : 'running')}>
              {live === 'running' ? 'Pause' : 'Resume'}
            </Button>
            <Button size="sm" onClick={() => onLive('off')}>
              Stop live tail
            </Button>
          </>
        )}
      </div>
    </div>
  )
}
