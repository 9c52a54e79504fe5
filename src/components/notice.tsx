import type { ReactNode } from 'react'

const TONES = {
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100',
}

export function Notice({
  tone = 'info',
  children,
  role,
}: {
  tone?: keyof typeof TONES
  children: ReactNode
  role?: 'status' | 'note'
}) {
  return (
    <div role={role} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  )
}
