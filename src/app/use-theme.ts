import { useEffect } from 'react'
import { usePreferencesStore } from '../stores/preferences-store.ts'

/** Applies light/dark/system by toggling the `dark` class on <html> (Tailwind's class strategy). */
export function useTheme() {
  const theme = usePreferencesStore((s) => s.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.classList.toggle('dark', dark)
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
