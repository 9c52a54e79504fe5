import { useMutation } from '@tanstack/react-query'
import { createClient } from '../../api/create-client.ts'
import { detectDialect, profileForDialect, type Detection } from '../../api/detect.ts'
import { HttpTransport } from '../../api/http/transport.ts'
import { KafkaRestError } from '../../api/errors.ts'
import { requestLogSink } from '../../api/use-kafka-client.ts'
import { useConnectionStore, type ConnectionForm } from '../../stores/connection-store.ts'

export interface ConnectResult extends Detection {
  topicCount: number | null
}

function validate(form: ConnectionForm): void {
  let url: URL
  try {
    url = new URL(form.endpoint.trim())
  } catch {
    throw new KafkaRestError({
      kind: 'invalid-response',
      message: `"${form.endpoint}" is not a URL.`,
      hint: 'Enter the full endpoint URL, e.g. https://kafka-rest.example.com:443 or http://127.0.0.1:8082.',
    })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KafkaRestError({
      kind: 'invalid-response',
      message: 'The endpoint must be an http or https URL.',
      hint: 'Use http:// or https://.',
    })
  }
  if (url.username || url.password) {
    throw new KafkaRestError({
      kind: 'invalid-response',
      message: 'The endpoint URL contains credentials.',
      hint: 'Remove user:password@ from the URL and put the key in the API key field.',
    })
  }
  if (/[\r\n]/.test(form.apiKey)) {
    throw new KafkaRestError({
      kind: 'invalid-response',
      message: 'The API key contains a line break.',
      hint: 'Paste the key alone, on one line.',
    })
  }
}

/** Connect: detect (or take) the dialect, then list topics to prove the whole path works. */
export function useConnect() {
  const connected = useConnectionStore((s) => s.connected)
  return useMutation({
    mutationFn: async (form: ConnectionForm): Promise<ConnectResult> => {
      validate(form)
      const settings = {
        endpoint: form.endpoint.trim().replace(/\/+$/, ''),
        apiKey: form.apiKey.trim(),
        useProxy: form.useProxy,
        authScheme: form.authScheme,
        adminEndpoint: form.adminEndpoint.trim() || undefined,
      }
      const transport = new HttpTransport(settings, requestLogSink)
      const detection =
        form.dialect === 'auto'
          ? await detectDialect(transport)
          : await profileForDialect(transport, form.dialect)
      const client = createClient(settings, detection.profile, requestLogSink)
      let topicCount: number | null = null
      if (client.capabilities.listTopics) topicCount = (await client.listTopics()).length
      useConnectionStore.getState().setForm({ endpoint: settings.endpoint, apiKey: settings.apiKey })
      connected(detection.profile)
      return { ...detection, topicCount }
    },
  })
}
