import type { ScenarioContext } from '../server.ts'
import { forward } from '../upstream.ts'

/** The control: the sandbox, unchanged, through the hostile server. */
export async function handle(ctx: ScenarioContext): Promise<void> {
  await forward(ctx)
}
