import { visibleName } from '../lib/visible-name.ts'

/**
 * An untrusted name (topic, group, header name) as text, with invisible and reordering characters shown as
 * labelled marks. `<bdi>` keeps a right-to-left name from reordering what is around it. Pieces are text
 * nodes only: a name never becomes markup.
 */
export function NameText({ name, maxChars }: { name: string; maxChars?: number }) {
  const view = visibleName(name, maxChars)
  return (
    <bdi title={view.specials > 0 || view.omitted > 0 ? view.text : undefined}>
      {view.pieces.map((p, i) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <span
            key={i}
            title={p.title}
            className="mx-px rounded bg-amber-100 px-0.5 font-mono text-[0.7em] text-amber-900 dark:bg-amber-900/70 dark:text-amber-100"
          >
            {p.label}
          </span>
        ),
      )}
      {view.omitted > 0 && (
        <span className="text-slate-500 dark:text-slate-400">
          … ({view.omitted.toLocaleString('en-US')} more characters)
        </span>
      )}
    </bdi>
  )
}
