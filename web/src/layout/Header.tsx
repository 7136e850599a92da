import { useNavigate } from 'react-router';
import { useSession } from '../session/session-context';
import { AppPicker } from './AppPicker';

export function Header() {
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const theme = session?.kind === 'portal' ? session.theme : undefined;
  return (
    <header className="header">
      {theme?.logoUrl ? (
        <img className="logo" src={theme.logoUrl} alt="Webhooks" />
      ) : (
        <span className="brand">Hookline</span>
      )}
      {session?.kind === 'operator' && <AppPicker />}
      <button
        type="button"
        className="signout"
        onClick={() => {
          signOut();
          navigate(session?.kind === 'portal' ? '/portal' : '/signin');
        }}
      >
        Sign out
      </button>
    </header>
  );
}
