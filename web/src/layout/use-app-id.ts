import { useParams } from 'react-router';
import { useSession } from '../session/session-context';

/** The app the page is about: the URL's, or the portal session's only app. */
export function useAppId(): string | undefined {
  const { appId } = useParams();
  const { session } = useSession();
  return appId ?? (session?.kind === 'portal' ? session.appId : undefined);
}
