import type { AnchorHTMLAttributes } from 'react'
import { buildHash } from '../lib/router/hash-location.ts'

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string
  params?: Parameters<typeof buildHash>[1]
}

/** An ordinary anchor to a hash route: middle-click, copy link and open-in-new-tab all work. */
export function Link({ to, params, className = '', ...props }: LinkProps) {
  return <a href={buildHash(to, params)} className={className} {...props} />
}
