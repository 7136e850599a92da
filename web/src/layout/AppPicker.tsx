import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../session/session-context';
import { useAppId } from './use-app-id';

/** Switch app, staying on the same kind of page (endpoints of one app → endpoints of another). */
export function AppPicker() {
  const api = useApi();
  const appId = useAppId();
  const navigate = useNavigate();
  const location = useLocation();
  const apps = useQuery({
    queryKey: ['apps', 'picker'],
    queryFn: () => api.GET('/api/v1/apps', { params: { query: { limit: 100 } } }),
  });
  const section = /^\/apps\/[^/]+\/([^/]+)/.exec(location.pathname)?.[1] ?? 'overview';
  return (
    <label className="app-picker">
      <span className="visually-hidden">App</span>
      <select
        value={appId ?? ''}
        onChange={(e) => navigate(e.target.value ? `/apps/${e.target.value}/${section}` : '/apps')}
      >
        <option value="">All apps</option>
        {apps.data?.data.map((app) => (
          <option key={app.id} value={app.id}>
            {app.name}
          </option>
        ))}
      </select>
    </label>
  );
}
