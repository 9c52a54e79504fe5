import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Notice } from '../../components/notice.tsx'
import { topicQueryOptions, topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import { buildHash, navigate } from '../../lib/router/hash-location.ts'
import {
  clampMegabytes,
  parseSearchLink,
  searchLinkParams,
  type SearchForm,
} from '../../lib/search-scan/search-link.ts'
import { SearchFormView } from './search-form.tsx'
import { SearchResults } from './search-results.tsx'
import { toSearchRun } from './to-search-run.ts'
import { useTopicSearch } from './use-topic-search.ts'

/** Search a whole topic: read every partition (or a range) and keep the messages that match. */
export function SearchPage({ connected, params }: { connected: ConnectedClient; params: URLSearchParams }) {
  const { client, connectionId } = connected
  const caps = client.capabilities
  const initial = useMemo(() => parseSearchLink(params), []) // eslint-disable-line react-hooks/exhaustive-deps
  const [form, setForm] = useState<SearchForm>(initial.form)
  const [partitionText, setPartitionText] = useState(initial.form.partitions.join(', '))
  const [errors, setErrors] = useState<ReturnType<typeof toSearchRun>['errors']>({})
  const { state, start, stop } = useTopicSearch(client)
  const written = useRef<string | null>(null)
  const topics = useQuery({ ...topicsQueryOptions(connectionId), enabled: !!caps.browse && !!caps.topics })
  const topic = useQuery({
    ...topicQueryOptions(connectionId, form.topic),
    enabled: !!caps.browse && !!form.topic,
  })
  const names = useMemo(() => topics.data?.map((t) => t.name) ?? [], [topics.data])
  const partitionIds = topic.data?.partitions.map((p) => p.id)

  const run = (f: SearchForm, text: string) => {
    const built = toSearchRun(f, text, partitionIds)
    setErrors(built.errors)
    if (!built.run) return
    const hash = buildHash(
      '/search',
      searchLinkParams(
        { ...f, partitions: built.run.partitions.length === partitionIds?.length ? [] : f.partitions },
        true,
      ),
    )
    written.current = hash
    if (hash !== window.location.hash)
      navigate('/search', new URLSearchParams(hash.split('?')[1] ?? ''), { replace: true })
    void start(built.run)
  }

  // A search link opened (or pasted) reruns that search once the topic's partitions are known.
  const query = params.toString()
  const pending = useRef<{ form: SearchForm } | null>(initial.run ? { form: initial.form } : null)
  useEffect(() => {
    if (written.current === buildHash('/search', new URLSearchParams(query))) return
    const link = parseSearchLink(new URLSearchParams(query))
    written.current = null
    setForm(link.form)
    setPartitionText(link.form.partitions.join(', '))
    pending.current = link.run ? { form: link.form } : null
  }, [query])
  useEffect(() => {
    const p = pending.current
    if (!p || !partitionIds || p.form.topic !== form.topic) return
    pending.current = null
    run(p.form, p.form.partitions.join(', '))
  })

  if (!caps.browse)
    return (
      <Notice tone="warning">
        Searching needs a way to read messages, which {client.dialect.name} does not have.
      </Notice>
    )

  const patch = (p: Partial<SearchForm>) => setForm((f) => ({ ...f, ...p }))
  return (
    <section aria-labelledby="search-title" className="space-y-4">
      <h1 id="search-title" className="text-xl font-semibold">
        Search messages
      </h1>
      <SearchFormView
        form={form}
        onChange={patch}
        topics={names}
        partitionText={partitionText}
        onPartitionText={setPartitionText}
        errors={errors}
        problem={state.problem}
        running={state.status === 'running'}
        canTime={!!caps.browse.timestamps && caps.browse.offsets}
        onSubmit={() => run({ ...form, maxMegabytes: clampMegabytes(form.maxMegabytes) }, partitionText)}
        onStop={stop}
      />
      <SearchResults client={client} topic={form.topic} topics={names} state={state} />
    </section>
  )
}
