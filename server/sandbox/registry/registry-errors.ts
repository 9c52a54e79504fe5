/**
 * Schema Registry error answers, with the codes of Confluent's API reference (as Karapace answers them too):
 * `{ "error_code": 40401, "message": … }`.
 */
import { RestError } from '../errors.ts'

export const REGISTRY_MEDIA_TYPE = 'application/vnd.schemaregistry.v1+json'

export const subjectNotFound = (subject: string): RestError =>
  new RestError(404, 40401, `Subject '${subject}' not found.`)
export const versionNotFound = (version: string | number): RestError =>
  new RestError(404, 40402, `Version ${version} not found.`)
export const schemaNotFound = (id?: number): RestError =>
  new RestError(404, 40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`)
export const subjectSoftDeleted = (subject: string): RestError =>
  new RestError(404, 40404, `Subject '${subject}' was soft deleted. Set permanent=true to delete permanently`)
export const subjectNotSoftDeleted = (subject: string): RestError =>
  new RestError(404, 40405, `Subject '${subject}' was not deleted first before being permanently deleted`)
export const versionSoftDeleted = (subject: string, version: number): RestError =>
  new RestError(
    404,
    40406,
    `Subject '${subject}' Version ${version} was soft deleted. Set permanent=true to delete permanently`,
  )
export const versionNotSoftDeleted = (subject: string, version: number): RestError =>
  new RestError(
    404,
    40407,
    `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`,
  )
export const subjectCompatibilityNotConfigured = (subject: string): RestError =>
  new RestError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`)
export const incompatibleSchema = (message: string): RestError => new RestError(409, 409, message)
export const invalidSchema = (message: string): RestError => new RestError(422, 42201, message)
export const invalidVersion = (version: string): RestError =>
  new RestError(
    422,
    42202,
    `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
  )
export const invalidCompatibilityLevel = (): RestError =>
  new RestError(
    422,
    42203,
    'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
  )
export const invalidMode = (mode: unknown): RestError =>
  new RestError(422, 42204, `Invalid mode ${JSON.stringify(mode)}: expected READWRITE, READONLY or IMPORT.`)
export const operationNotPermitted = (message: string): RestError => new RestError(422, 42205, message)
export const referenceExists = (subject: string, version: number): RestError =>
  new RestError(
    422,
    42206,
    `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${subject},version=${version}}.`,
  )
export const invalidSubject = (subject: string): RestError =>
  new RestError(422, 42208, `Invalid subject ${JSON.stringify(subject)}: control characters are not allowed.`)
export const registryUnauthorized = (): RestError =>
  new RestError(
    401,
    40101,
    'Unauthorized: send the sandbox API key as X-Auth-Token: <key>, Authorization: Bearer <key>, or Basic auth with the key as the password (any user).',
  )
