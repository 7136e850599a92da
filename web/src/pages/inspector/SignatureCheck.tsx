import type { CapturedRequest } from '../../api/types';

/** Whether a Hookline endpoint signed the capture, and whether the signature checks out. */
export function SignatureCheck({
  verification,
}: {
  verification: CapturedRequest['verification'];
}) {
  const state = !verification.signed ? 'unsigned' : verification.verified ? 'verified' : 'invalid';
  const label = {
    unsigned: 'Not signed',
    verified: 'Signature verified',
    invalid: 'Signature invalid',
  };
  return (
    <div className={`signature signature-${state}`} role="note">
      <strong>{label[state]}</strong>
      {verification.scheme && <> ({verification.scheme})</>}
      <div className="muted">{verification.message}</div>
    </div>
  );
}
