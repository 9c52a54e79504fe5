/** What a per-record produce failure probably means, when the endpoint's message says. */
export function failureHint(message: string): string | null {
  // Kafka's RecordTooLargeException text, as the Strimzi bridge ("…a message larger than the max message size
  // the server will accept") and Karapace ("…a configurable maximum message size…") pass it on.
  if (
    /too large|RecordTooLarge|MESSAGE_TOO_LARGE|max\.message\.bytes|larger than the max(imum)? message size|maximum message size/i.test(
      message,
    )
  ) {
    return 'The record is larger than the topic or broker accepts (max.message.bytes): send a smaller value.'
  }
  if (/partition .*not found|unknown partition|invalid partition/i.test(message)) {
    return 'The topic has no such partition: choose Auto or an existing partition.'
  }
  if (/topic .*not found|does not exist|unknown topic|UNKNOWN_TOPIC/i.test(message)) {
    return 'Check the topic name, or create the topic first.'
  }
  return null
}
