import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export type Theme = 'system' | 'light' | 'dark'
export type TimeZoneSetting = 'local' | 'UTC'

interface PreferencesState {
  theme: Theme
  timeZone: TimeZoneSetting
  showRequestLog: boolean
  setTheme(theme: Theme): void
  setTimeZone(tz: TimeZoneSetting): void
  setShowRequestLog(show: boolean): void
}

/** Preferences hold no secrets, so they may outlive the tab (localStorage). */
export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'system',
      timeZone: 'local',
      showRequestLog: false,
      setTheme: (theme) => set({ theme }),
      setTimeZone: (timeZone) => set({ timeZone }),
      setShowRequestLog: (showRequestLog) => set({ showRequestLog }),
    }),
    { name: 'krc-preferences', storage: createJSONStorage(() => localStorage) },
  ),
)
