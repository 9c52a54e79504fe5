/** Columns shared by the header and the rows: partition, offset, timestamp (if the API has them), key, value, size. */
export const rowGrid = (timestamps: boolean) =>
  timestamps
    ? 'grid grid-cols-[4rem_6rem_12.5rem_minmax(5rem,1fr)_minmax(8rem,3fr)_4.5rem] gap-x-3'
    : 'grid grid-cols-[4rem_6rem_minmax(6rem,1fr)_minmax(8rem,3fr)_4.5rem] gap-x-3'
export const ROW_HEIGHT = 32
