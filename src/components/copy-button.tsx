import { useState } from 'react'
import { copyText } from '../lib/clipboard.ts'
import { Button, type ButtonProps } from './button.tsx'

/** Copies on click and says so (or says it failed) — "copy does nothing" is a classic console complaint. */
export function CopyButton({
  getText,
  label = 'Copy',
  ...props
}: { getText(): string; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const onClick = async () => {
    const ok = await copyText(getText())
    setState(ok ? 'copied' : 'failed')
    window.setTimeout(() => setState('idle'), 1500)
  }
  return (
    <Button size="sm" onClick={() => void onClick()} {...props}>
      {label}
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
      {state !== 'idle' && <span aria-hidden="true">{state === 'copied' ? '✓' : '✗'}</span>}
    </Button>
  )
}
