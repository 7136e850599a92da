import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session-context';

/** Pages behind sign-in: without a session, go to /signin and come back afterwards. */
export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return <Outlet />;
}
