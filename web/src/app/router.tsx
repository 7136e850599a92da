import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from '../layout/Layout';
import { RequireSession } from '../layout/RequireSession';
import { AppsPage } from '../pages/apps/AppsPage';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { EndpointNewPage } from '../pages/endpoints/EndpointNewPage';
import { EndpointPage } from '../pages/endpoints/EndpointPage';
import { EndpointsPage } from '../pages/endpoints/EndpointsPage';
import { BinPage } from '../pages/inspector/BinPage';
import { InspectorPage } from '../pages/inspector/InspectorPage';
import { BotPage } from '../pages/bots/BotPage';
import { BotsPage } from '../pages/bots/BotsPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { ViberPage } from '../pages/viber/ViberPage';
import { FailuresPage } from '../pages/failures/FailuresPage';
import { MessagePage } from '../pages/messages/MessagePage';
import { MessagesPage } from '../pages/messages/MessagesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { SignInPage } from '../pages/SignInPage';
import { PortalPage } from '../pages/portal/PortalPage';

/** Every page's URL; the server answers each with index.html (src/api/routes/console.ts). */
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  { path: '/portal', element: <PortalPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: '/', element: <Navigate to="/apps" replace /> },
          { path: '/apps', element: <AppsPage /> },
          { path: '/apps/:appId', element: <Navigate to="overview" replace /> },
          { path: '/apps/:appId/overview', element: <OverviewPage /> },
          { path: '/apps/:appId/viber', element: <ViberPage /> },
          { path: '/bots', element: <BotsPage /> },
          { path: '/bots/:botId', element: <BotPage /> },
          { path: '/apps/:appId/bots', element: <BotsPage /> },
          { path: '/apps/:appId/bots/:botId', element: <BotPage /> },
          { path: '/apps/:appId/endpoints', element: <EndpointsPage /> },
          { path: '/apps/:appId/endpoints/new', element: <EndpointNewPage /> },
          { path: '/apps/:appId/endpoints/:endpointId', element: <EndpointPage /> },
          { path: '/apps/:appId/messages', element: <MessagesPage /> },
          { path: '/apps/:appId/messages/:messageId', element: <MessagePage /> },
          { path: '/apps/:appId/failures', element: <FailuresPage /> },
          { path: '/apps/:appId/catalog', element: <CatalogPage /> },
          { path: '/catalog', element: <CatalogPage /> },
          { path: '/inspector', element: <InspectorPage /> },
          { path: '/inspector/bins/:binId', element: <BinPage /> },
          { path: '/apps/:appId/inspector', element: <InspectorPage /> },
          { path: '/apps/:appId/inspector/bins/:binId', element: <BinPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
