import { useMemo } from 'react'
import { tokenize, type SyntaxLanguage, type TokenKind } from '../../lib/syntax/tokenize.ts'

/** Lines shown at most: a registry answer is untrusted, and a huge schema must not build a million nodes. */
export const MAX_SHOWN_LINES = 5000

const TOKEN_CLASSES: Record<TokenKind, string> = {
  key: 'text-indigo-700 dark:text-indigo-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-800 dark:text-amber-300',
  keyword: 'text-fuchsia-800 font-semibold dark:text-fuchsia-300',
  comment: 'text-slate-500 italic dark:text-slate-400',
  punctuation: 'text-slate-500 dark:text-slate-400',
  plain: '',
}

/** One line's coloured tokens (text nodes only: a schema never becomes markup). */
export function ColouredLine({ text, language }: { text: string; language: SyntaxLanguage }) {
  const tokens = useMemo(() => tokenize(text, language), [text, language])
  return (
    <>
      {tokens.map((t, i) =>
        t.kind === 'plain' ? (
          t.text
        ) : (
          <span key={i} className={TOKEN_CLASSES[t.kind]}>
            {t.text}
          </span>
        ),
      )}
    </>
  )
}

/** A schema's text with line numbers and syntax colouring. */
export function SchemaText({
  text,
  language,
  label,
}: {
  text: string
  language: SyntaxLanguage
  label: string
}) {
  const lines = useMemo(() => text.split('\n'), [text])
  const shown = lines.length > MAX_SHOWN_LINES ? lines.slice(0, MAX_SHOWN_LINES) : lines
  return (
    <div>
      <pre
        aria-label={label}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
      >
        {shown.map((line, i) => (
          <div key={i} className="flex">
            <span
              aria-hidden="true"
              className="w-10 shrink-0 pr-3 text-right text-slate-500 select-none dark:text-slate-400"
            >
              {i + 1}
            </span>
            <code className="whitespace-pre">
              <ColouredLine text={line} language={language} />
            </code>
          </div>
        ))}
      </pre>
      {lines.length > shown.length && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Showing the first {MAX_SHOWN_LINES.toLocaleString('en-US')} of{' '}
          {lines.length.toLocaleString('en-US')} lines.
        </p>
      )}
    </div>
  )
}
