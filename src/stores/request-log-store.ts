import { create } from 'zustand'
import type { RequestLogEntry, RequestLogSink } from '../api/http/transport.ts'

const MAX_ENTRIES = 500

interface RequestLogState {
  entries: RequestLogEntry[]
  record(entry: RequestLogEntry): void
  clear(): void
}

/** The request log (memory only, newest last). Entries never hold the API key: see RequestLogEntry. */
export const useRequestLogStore = create<RequestLogState>()((set) => ({
  entries: [],
  record: (entry) =>
    set((s) => {
      const copy = { ...entry }
      const i = s.entries.findIndex((e) => e.id === entry.id)
      if (i >= 0) {
        const entries = s.entries.slice()
        entries[i] = copy
        return { entries }
      }
      const entries = s.entries.length >= MAX_ENTRIES ? s.entries.slice(-MAX_ENTRIES + 1) : s.entries.slice()
      entries.push(copy)
      return { entries }
    }),
  clear: () => set({ entries: [] }),
}))

/** Where every transport reports its requests: the request log above. */
export const requestLogSink: RequestLogSink = (entry) => useRequestLogStore.getState().record(entry)
