/**
 * Differences between the sandbox and Karapace that are kept on purpose, each with its reason, so that
 * docs/fidelity.md regenerates with them. The first rule that matches a difference gives its reason; a
 * difference no rule matches is reported as unexplained. "Confluent" below is Confluent REST Proxy as
 * docs/protocols.md describes it (code over docs); "§9" is its Karapace section.
 */
import type { Aspect, Difference } from './compare.ts'

interface Rule {
  /** Step ids, or '*' for every step. */
  steps: string[] | '*'
  /** Aspects, or '*' for every aspect. */
  aspects: Aspect[] | '*'
  /** A further condition on the two values. */
  when?: (d: Difference) => boolean
  /** The reason in a line, on the table's row. */
  short: string
  /** The reason in full, in the list under the table. */
  reason: string
}

const KARAPACE_TYPES = ['application/vnd.kafka.json.v2+json', 'application/json']

const RULES: Rule[] = [
  {
    steps: '*',
    aspects: ['content type'],
    when: (d) =>
      KARAPACE_TYPES.includes(d.real) &&
      (d.sandbox === '(none)' || /^application\/(vnd\.kafka(\.\w+)?\.v2\+json|json)$/.test(d.sandbox)),
    short: 'Karapace’s fixed media type; Confluent answers the negotiated one',
    reason:
      'Karapace answers every v2 route as `application/vnd.kafka.json.v2+json` (and `application/json` on `GET /` and 204s, §9); Confluent answers the negotiated type (`…v2+json`, the consumer’s `…<format>.v2+json` for records) and no Content-Type on a 204 or a bodiless 406. The console reads both.',
  },
  {
    steps: ['missing-topic'],
    aspects: ['error code'],
    short: 'Karapace’s 40403 for a missing topic; Confluent’s is 40401',
    reason:
      'Confluent’s code for a missing topic is 40401; Karapace answers `GET /topics/{missing}` with 40403 (§9, vendor README). The console treats both as “topic not found”.',
  },
  {
    steps: ['accept-json', 'accept-v1'],
    aspects: '*',
    short: 'CP ≥ 6 offers only v2 types on v2 routes; Karapace ignores the version',
    reason:
      'CP ≥ 6 (the sandbox’s `v2,v3` surface used here) offers only v2 types on v2 routes, so `application/json` and v1 types are 406 (§5); Karapace ignores the API version and matches Accept loosely (§9). The sandbox’s default surface (all APIs) answers these with the v1 type, as CP 5.5 did.',
  },
  {
    steps: ['accept-html'],
    aspects: '*',
    short: 'Jersey’s 406 has no body; Karapace’s has one',
    reason: 'Jersey’s 406 has no entity and no Content-Type (§2); Karapace sends a JSON 406 body (§9).',
  },
  {
    steps: ['produce-ct-json'],
    aspects: '*',
    short: 'CP ≥ 6 produce takes only v2 vendor types; Karapace takes application/json',
    reason:
      'CP ≥ 6 consumes only `vnd.kafka.<format>.v2+json` on v2 produce, so `application/json` is 415 (§5); Karapace takes it as binary (§9). The console sends the vendor type.',
  },
  {
    steps: '*',
    aspects: ['record error codes', 'body shape'],
    when: (d) =>
      (d.sandbox === 'null' && d.real === '(absent)') ||
      d.sandbox === 'offsets[].error: null; offsets[].error_code: null',
    short: 'Confluent writes null error_code/error on success; Karapace omits them',
    reason:
      'Confluent writes `"error_code":null,"error":null` in every successful `offsets[]` entry (§3: no JsonInclude rule on PartitionOffset); Karapace omits both (vendor README). The console reads a missing code as success.',
  },
  {
    steps: ['produce-record-bad-partition'],
    aspects: '*',
    short: 'Confluent: HTTP 200 + 50002 per record; Karapace: 422 + code 2',
    reason:
      'Confluent answers HTTP 200 with per-record codes 50002/50003 and null partition/offset (§3); Karapace answers 422 when any record failed and uses codes 1/2 without partition/offset (§9). The console shows the per-record error either way.',
  },
  {
    steps: ['produce-missing-topic'],
    aspects: '*',
    short: 'Confluent has no topic pre-check (50003 per record); Karapace pre-checks (404)',
    reason:
      'Confluent does not pre-check the topic: its producer times out on metadata and each record gets 50003 in an HTTP 200 (the sandbox answers that at once instead of after 60 s); Karapace pre-checks and answers 404/40401 (§9). The console shows both as a failed produce.',
  },
  {
    steps: ['produce-no-body', 'produce-malformed', 'commit-no-body'],
    aspects: '*',
    when: (d) => d.aspect !== 'status' || d.real === '400',
    short: 'Karapace’s text/plain 400 for a missing/malformed body; Confluent validates',
    reason:
      'Karapace answers a missing or malformed JSON body with a `text/plain` 400 before routing (vendor README); Confluent validates the body (422 “request may not be null”, JSON 400 for malformed JSON) and commits everything consumed when a commit has no body (§5).',
  },
  {
    steps: ['produce-too-large'],
    aspects: '*',
    short: 'Karapace: 413 at its 1 MiB default, else 422/code 1; Confluent’s per-record 50002',
    reason:
      'Karapace refuses the whole request at its HTTP layer (aiohttp `http_request_max_size`, 1 MiB by default, raised only with `producer_max_request_size`), before any broker; Confluent hands the record to its producer, whose RecordTooLargeException is a per-record 50002 in an HTTP 200, which the sandbox reproduces from the topic’s `max.message.bytes`. With Karapace’s limits raised (`producer_max_request_size` 10 MiB, as the real lane runs it) the broker’s refusal comes back per record there too: HTTP 422, `error_code` 1, “The server has a configurable maximum message size to avoid unbounded memory allocation…”.',
  },
  {
    steps: ['records-unsubscribed'],
    aspects: '*',
    short: 'Kafka’s IllegalStateException as 409/40903; Karapace answers []',
    reason:
      'Kafka’s consumer refuses to poll with no subscription or assignment (IllegalStateException); the sandbox reports it as Confluent’s illegal-state error 409/40903; Karapace answers an empty list. The console always assigns before reading.',
  },
  {
    steps: ['records-binary', 'records-json'],
    aspects: ['body shape'],
    when: (d) => d.sandbox === '[].timestamp: absent',
    short: 'Confluent v2 records have no timestamp; Karapace adds one',
    reason:
      'Confluent’s v2 records have no `timestamp` (§5); Karapace adds one (§9). The console shows timestamps when present.',
  },
  {
    steps: ['commit-body'],
    aspects: '*',
    short: 'Confluent returns 200 with the committed array; Karapace 204',
    reason:
      'Confluent’s commit returns 200 with the bare array `[{topic, partition, consumed, committed}]` (§5, CommitOffsetsResponse); Karapace answers 204. The console ignores the body.',
  },
  {
    steps: ['records-max-bytes'],
    aspects: '*',
    short: 'Confluent never returns a record over max_bytes; Karapace does',
    reason:
      'Confluent’s read task stops before the first record with `bytes + size >= max_bytes`, so a larger record is never returned and stays next (kafka-rest #111, #170, #608); Karapace treats max_bytes as a soft threshold and returns it. The sandbox follows Confluent (changed in issue 14); the console does not send max_bytes to Confluent v2.',
  },
  {
    steps: ['unknown-path', 'wrong-method'],
    aspects: '*',
    short: 'Confluent’s JSON 404/405; Karapace’s text/plain',
    reason:
      'Confluent (rest-utils) answers unknown paths and methods with JSON `{"error_code":404|405,"message"}`; Karapace’s router answers `text/plain` “404: Not Found” / “405: Method Not Allowed”.',
  },
  {
    steps: ['auth-none', 'auth-wrong'],
    aspects: '*',
    short: 'The sandbox requires an API key; this Karapace has no auth',
    reason:
      'The sandbox always requires an API key (as IBM Message Hub and a secured proxy do: 401/40101); this Karapace runs without authentication. The console sends the key it is given to both.',
  },
]

export interface Reason {
  /** R1, R2 … in the order of the rules. */
  label: string
  short: string
  reason: string
}

export const REASONS: Reason[] = RULES.map((r, i) => ({
  label: `R${i + 1}`,
  short: r.short,
  reason: r.reason,
}))

export function reasonFor(stepId: string, diff: Difference): Reason | null {
  for (const [i, rule] of RULES.entries()) {
    if (rule.steps !== '*' && !rule.steps.includes(stepId)) continue
    if (rule.aspects !== '*' && !rule.aspects.includes(diff.aspect)) continue
    if (rule.when && !rule.when(diff)) continue
    return REASONS[i]
  }
  return null
}

/** What the sandbox changed to match the real servers (issue 14), listed under the table. */
export const SANDBOX_CHANGES: string[] = [
  'A consumer created with `format` `avro`, `jsonschema` or `protobuf` is created (200), as on Confluent and Karapace (it was 422/42204). Reading its records answers 422 with error_code 422 and “value deserialization error for format avro: …”, as Karapace does for data it cannot deserialize, since the sandbox has no schema registry; a read with no records is `[]`.',
  'A record larger than `max_bytes` is no longer returned: as in Confluent’s read task, a read stops before the first record whose key and value bytes would reach max_bytes, answers `[]` (after its timeout) and keeps the record next (it used to return at least one record). Karapace returns it (row above).',
  'The topic’s `max.message.bytes` (Kafka’s default 1048588, as metadata reports) is enforced: a record whose batch would be larger fails alone with 50002 “The request included a message larger than the max message size the server will accept.” in an HTTP 200 (v1/v2), or a 413 delivery report (v3), as Confluent reports Kafka’s RecordTooLargeException. Topics take a raised limit at creation (v3 `configs`, or `maxMessageBytes` in the IBM admin API, a sandbox addition); `demo.large-values` has 10 MiB.',
  'Registry: a compatibility check without `verbose=true` answers the verdict alone (`{"is_compatible": false}`), as Confluent and Karapace do; the sandbox used to add `messages` whenever the answer was no (`sr-compat-check`).',
]

/** How many differences the table listed before the sandbox changes of issue 14 (same requests). */
export const DIFFERENCES_BEFORE_ISSUE_14: number | null = 167
