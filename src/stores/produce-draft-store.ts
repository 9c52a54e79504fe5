import { create } from 'zustand'
import type { RecordHeader } from '../api/types.ts'

/** A record handed from the message browser to the produce form ("Produce again"); memory only. */
export interface ProduceDraft {
  topic: string
  partition?: number
  key: Uint8Array | null
  value: Uint8Array | null
  headers?: RecordHeader[]
}

interface ProduceDraftState {
  draft: ProduceDraft | null
  setDraft(draft: ProduceDraft): void
  /** Returns the draft once and forgets it. */
  take(): ProduceDraft | null
}

export const useProduceDraftStore = create<ProduceDraftState>()((set, get) => ({
  draft: null,
  setDraft: (draft) => set({ draft }),
  take: () => {
    const d = get().draft
    set({ draft: null })
    return d
  },
}))
