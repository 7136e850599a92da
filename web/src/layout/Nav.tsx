import { NavLink } from 'react-router';
import { useSession } from '../session/session-context';
import { useAppId } from './use-app-id';

const APP_PAGES = [
  ['overview', 'Overview'],
  ['endpoints', 'Endpoints'],
  ['messages', 'Messages'],
  ['failures', 'Failures'],
  ['viber', 'Viber'],
] as const;

/** The app's pages, then the instance-wide ones (the portal sees its app's pages only). */
export function Nav() {
  const appId = useAppId();
  const { session } = useSession();
  const operator = session?.kind === 'operator';
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {operator && (
          <li>
            <NavLink to="/apps" end>
              Apps
            </NavLink>
          </li>
        )}
        {appId &&
          APP_PAGES.filter(([path]) => operator || path !== 'viber').map(([path, label]) => (
            <li key={path}>
              <NavLink to={`/apps/${appId}/${path}`}>{label}</NavLink>
            </li>
          ))}
        <li>
          <NavLink to={appId ? `/apps/${appId}/catalog` : '/catalog'}>Event catalog</NavLink>
        </li>
        {operator && (
          <li>
            <NavLink to={appId ? `/apps/${appId}/inspector` : '/inspector'}>Inspector</NavLink>
          </li>
        )}
        {operator && (
          <li>
            <NavLink to={appId ? `/apps/${appId}/bots` : '/bots'}>Bot connections</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
