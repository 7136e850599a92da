import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from '../layout/Layout';
import { RequireSession } from '../layout/RequireSession';
import { AppsPage } from '../pages/apps/AppsPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/SignInPage';

/** Every page's URL; the server answers each with index.html (src/api/routes/console.ts). */
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: '/', element: <Navigate to="/apps" replace /> },
          { path: '/apps', element: <AppsPage /> },
          { path: '/apps/:appId', element: <Navigate to="overview" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
