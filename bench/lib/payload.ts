/**
 * A message payload of about `bytes` bytes of JSON, shaped like a messaging status callback
 * (the kind of event Hookline carries), padded with a filler field to reach the size.
 */
export function makePayload(bytes: number, seq = 0): string {
  const base = {
    message_token: 5741311803571721000 + seq,
    event: 'delivered',
    timestamp: 1700000000000 + seq,
    user_id: '01234567890A=',
    chat_hostname: 'SN-CHAT-01_',
    filler: '',
  };
  const empty = JSON.stringify(base).length;
  base.filler = 'x'.repeat(Math.max(0, bytes - empty));
  return JSON.stringify(base);
}
