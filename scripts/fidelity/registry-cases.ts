/**
 * Schema Registry requests `npm run fidelity` sends to the sandbox's registry and to Karapace's (same port as
 * its REST proxy). Subjects are named after the run's group, since Karapace keeps its schemas between runs.
 */
import type { Step, Vars } from './cases.ts'

const SR = 'application/vnd.schemaregistry.v1+json'
const body = { 'Content-Type': SR, Accept: SR }
const accept = { Accept: SR }
const subject = (v: Vars) => `/subjects/${String(v.group)}-value`
const record = (fields: unknown[]) => JSON.stringify({ type: 'record', name: 'FidelityUser', fields })
const V1 = record([{ name: 'id', type: 'long' }])
const V2 = record([
  { name: 'id', type: 'long' },
  { name: 'email', type: ['null', 'string'], default: null },
])
const BAD = record([
  { name: 'id', type: 'long' },
  { name: 'age', type: 'int' },
])

export const REGISTRY_STEPS: Step[] = [
  { id: 'sr-types', title: 'registry: schema types', method: 'GET', path: '/schemas/types', headers: accept },
  { id: 'sr-config', title: 'registry: global config', method: 'GET', path: '/config', headers: accept },
  { id: 'sr-mode', title: 'registry: mode', method: 'GET', path: '/mode', headers: accept },
  {
    id: 'sr-register',
    title: 'registry: register an Avro schema',
    method: 'POST',
    path: (v) => `${subject(v)}/versions`,
    body: { schema: V1 },
    headers: body,
    keep: (b, v) => {
      v.schemaId = (b as { id: number }).id
    },
  },
  {
    id: 'sr-register-again',
    title: 'registry: the same schema again',
    method: 'POST',
    path: (v) => `${subject(v)}/versions`,
    body: { schema: V1 },
    headers: body,
  },
  {
    id: 'sr-register-v2',
    title: 'registry: a compatible second version',
    method: 'POST',
    path: (v) => `${subject(v)}/versions`,
    body: { schema: V2 },
    headers: body,
  },
  {
    id: 'sr-subjects',
    title: 'registry: subjects',
    method: 'GET',
    path: '/subjects',
    headers: accept,
  },
  {
    id: 'sr-versions',
    title: 'registry: versions',
    method: 'GET',
    path: (v) => `${subject(v)}/versions`,
    headers: accept,
  },
  {
    id: 'sr-latest',
    title: 'registry: latest version',
    method: 'GET',
    path: (v) => `${subject(v)}/versions/latest`,
    headers: accept,
  },
  {
    id: 'sr-version-schema',
    title: 'registry: bare schema of a version',
    method: 'GET',
    path: (v) => `${subject(v)}/versions/1/schema`,
    headers: accept,
  },
  {
    id: 'sr-by-id',
    title: 'registry: schema by id',
    method: 'GET',
    path: (v) => `/schemas/ids/${v.schemaId}`,
    headers: accept,
  },
  {
    id: 'sr-id-versions',
    title: 'registry: subject-versions of an id',
    method: 'GET',
    path: (v) => `/schemas/ids/${v.schemaId}/versions`,
    headers: accept,
  },
  {
    id: 'sr-lookup',
    title: 'registry: look a schema up',
    method: 'POST',
    path: subject,
    body: { schema: V1 },
    headers: body,
  },
  {
    id: 'sr-lookup-missing',
    title: 'registry: look up a schema the subject lacks',
    method: 'POST',
    path: subject,
    body: { schema: BAD },
    headers: body,
  },
  {
    id: 'sr-subject-missing',
    title: 'registry: unknown subject',
    method: 'GET',
    path: (v) => `/subjects/${String(v.group)}-nope/versions`,
    headers: accept,
  },
  {
    id: 'sr-version-missing',
    title: 'registry: unknown version',
    method: 'GET',
    path: (v) => `${subject(v)}/versions/99`,
    headers: accept,
  },
  {
    id: 'sr-version-invalid',
    title: 'registry: invalid version',
    method: 'GET',
    path: (v) => `${subject(v)}/versions/0`,
    headers: accept,
  },
  {
    id: 'sr-id-missing',
    title: 'registry: unknown id',
    method: 'GET',
    path: '/schemas/ids/2000000000',
    headers: accept,
  },
  {
    id: 'sr-invalid-schema',
    title: 'registry: invalid Avro schema',
    method: 'POST',
    path: (v) => `${subject(v)}/versions`,
    body: { schema: '{"type":"record","name":"R"}' },
    headers: body,
  },
  {
    id: 'sr-incompatible',
    title: 'registry: incompatible schema',
    method: 'POST',
    path: (v) => `${subject(v)}/versions`,
    body: { schema: BAD },
    headers: body,
  },
  {
    id: 'sr-compat-check',
    title: 'registry: compatibility check',
    method: 'POST',
    path: (v) => `/compatibility${subject(v)}/versions/latest`,
    body: { schema: BAD },
    headers: body,
  },
  {
    id: 'sr-config-subject-missing',
    title: 'registry: subject config not set',
    method: 'GET',
    path: (v) => `/config/${String(v.group)}-value`,
    headers: accept,
  },
  {
    id: 'sr-config-set',
    title: 'registry: set subject config',
    method: 'PUT',
    path: (v) => `/config/${String(v.group)}-value`,
    body: { compatibility: 'FULL' },
    headers: body,
  },
  {
    id: 'sr-config-invalid',
    title: 'registry: invalid compatibility level',
    method: 'PUT',
    path: (v) => `/config/${String(v.group)}-value`,
    body: { compatibility: 'SIDEWAYS' },
    headers: body,
  },
  {
    id: 'sr-protobuf',
    title: 'registry: register Protobuf',
    method: 'POST',
    path: (v) => `/subjects/${String(v.group)}-proto/versions`,
    body: { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\nmessage M {\n  string a = 1;\n}\n' },
    headers: body,
  },
  {
    id: 'sr-json',
    title: 'registry: register JSON Schema',
    method: 'POST',
    path: (v) => `/subjects/${String(v.group)}-json/versions`,
    body: { schemaType: 'JSON', schema: '{"type":"object","properties":{"a":{"type":"string"}}}' },
    headers: body,
  },
  {
    id: 'sr-delete-version-permanent-first',
    title: 'registry: permanent version delete before soft',
    method: 'DELETE',
    path: (v) => `${subject(v)}/versions/1?permanent=true`,
    headers: accept,
  },
  {
    id: 'sr-delete-version',
    title: 'registry: soft-delete a version',
    method: 'DELETE',
    path: (v) => `${subject(v)}/versions/1`,
    headers: accept,
  },
  {
    id: 'sr-delete-version-again',
    title: 'registry: soft-delete it again',
    method: 'DELETE',
    path: (v) => `${subject(v)}/versions/1`,
    headers: accept,
  },
  {
    id: 'sr-delete-subject-permanent-first',
    title: 'registry: permanent subject delete before soft',
    method: 'DELETE',
    path: (v) => `${subject(v)}?permanent=true`,
    headers: accept,
  },
  {
    id: 'sr-delete-subject',
    title: 'registry: soft-delete the subject',
    method: 'DELETE',
    path: subject,
    headers: accept,
  },
  {
    id: 'sr-delete-subject-again',
    title: 'registry: soft-delete it again',
    method: 'DELETE',
    path: subject,
    headers: accept,
  },
  {
    id: 'sr-delete-subject-permanent',
    title: 'registry: delete the subject permanently',
    method: 'DELETE',
    path: (v) => `${subject(v)}?permanent=true`,
    headers: accept,
  },
]
