/** How much of a render error's message is shown: an endpoint can put megabytes into a message. */
export const MAX_RENDER_ERROR_CHARS = 500

/** `Name: message` of anything thrown, without throwing itself (a getter may throw, String() may fail). */
export function renderErrorMessage(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`
    return String(error)
  } catch {
    return 'an error that cannot be shown'
  }
}
