/** A table's header row: one `<th scope="col">` per column, with shared padding. */
export function ColumnHeaders({
  columns,
  cellClassName,
}: {
  columns: Array<string | { label: string; className?: string; srOnly?: boolean }>
  cellClassName: string
}) {
  return (
    <tr>
      {columns.map((c, i) => {
        const col = typeof c === 'string' ? { label: c } : c
        return (
          <th key={i} scope="col" className={`${cellClassName} font-semibold ${col.className ?? ''}`}>
            {col.srOnly ? <span className="sr-only">{col.label}</span> : col.label}
          </th>
        )
      })}
    </tr>
  )
}
