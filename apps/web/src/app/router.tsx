import { createBrowserRouter, Navigate } from 'react-router';
import PortalLayout from './layouts/portal-layout';
import PortalHome from './routes/portal/home';
import { paths } from '../config/paths';

/** Route modules load on demand: the portal home ships alone; every other screen brings its own chunk. */
/** Shown while a layout's chunk loads on a first visit (React Router warns when a lazy route has none). */
const HydrateFallback = () => <div className="jqt-loading" aria-busy="true" />;
/** A route module exporting several pages: the named one. */
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => async () => ({ Component: (await load())[name] });
const lazy = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    path: '/',
    Component: PortalLayout,
    HydrateFallback,
    children: [
      { index: true, Component: PortalHome },
      { path: 'services/:code', lazy: lazy(() => import('./routes/portal/service-guide')) },
      { path: 'complaint', lazy: lazy(() => import('./routes/portal/complaint')) },
      { path: 'complaint/status', lazy: lazy(() => import('./routes/portal/complaint-status')) },
      { path: 'search', lazy: lazy(() => import('./routes/portal/search')) },
      { path: 'bulletins', lazy: lazy(() => import('./routes/portal/bulletins')) },
      { path: 'bulletins/:id', lazy: lazy(() => import('./routes/portal/bulletin-detail')) },
      { path: 'truck-access', lazy: lazy(() => import('./routes/portal/truck-access')) },
      { path: 'service-centres', lazy: lazy(() => import('./routes/liaison/service-centres')) },
      { path: 'open-lectures', lazy: lazy(() => import('./routes/open-lectures/portal-lectures')) },
      { path: 'verify/:number', lazy: lazy(() => import('./routes/portal/verify-receipt')) },
      { path: 'pass-codes/:code', lazy: lazy(() => import('./routes/portal/verify-pass-code')) },
      // the QR codes printed before the pass-code page existed pointed here
      { path: 'verify/pass/:code', lazy: lazy(() => import('./routes/portal/verify-pass-code')) },
      { path: 'login', lazy: lazy(() => import('./routes/auth/login')) },
      { path: 'register', lazy: lazy(() => import('./routes/auth/register')) },
      { path: 'forgot-password', lazy: lazy(() => import('./routes/auth/forgot-password')) },
      { path: 'reset-password', lazy: lazy(() => import('./routes/auth/reset-password')) },
      { path: 'account/password', lazy: lazy(() => import('./routes/auth/change-password')) },
    ],
  },
  {
    path: '/enterprise',
    lazy: lazy(() => import('./layouts/enterprise-layout')),
    HydrateFallback,
    children: [
      { index: true, element: <Navigate to={paths.enterprise.items} replace /> },
      { path: 'items', lazy: lazy(() => import('./routes/enterprise/my-items')) },
      { path: 'items/:id', lazy: lazy(() => import('./routes/enterprise/item-page')) },
      { path: 'new', lazy: lazy(() => import('./routes/enterprise/new-item')) },
      { path: 'liaison', lazy: lazy(() => import('./routes/liaison/enterprise-liaison')) },
      { path: 'warnings', lazy: lazy(() => import('./routes/prevention/enterprise-warnings')) },
      { path: 'cyber', lazy: named(() => import('./routes/cyber/inspections'), 'EnterpriseInspections') },
      { path: 'cyber/:id', lazy: named(() => import('./routes/cyber/inspection-page'), 'EnterpriseInspectionPage') },
      { path: 'open-lectures', lazy: lazy(() => import('./routes/open-lectures/my-signups')) },
      { path: 'cases', lazy: lazy(() => import('./routes/cases/my-cases')) },
      { path: 'cases/:id', lazy: lazy(() => import('./routes/cases/case-page')) },
      { path: 'notifications', lazy: lazy(() => import('./routes/notifications-page')) },
      { path: 'notification-settings', lazy: lazy(() => import('./routes/settings/notification-settings')) },
      { path: 'residence-batches', lazy: named(() => import('./routes/residence/batches'), 'EnterpriseBatches') },
      { path: 'residence-batches/:id', lazy: named(() => import('./routes/residence/batch-detail'), 'EnterpriseBatchDetail') },
      { path: 'packages', lazy: lazy(() => import('./routes/packages/new-package')) },
      { path: 'packages/:id', lazy: lazy(() => import('./routes/packages/package-receipt')) },
    ],
  },
  {
    path: '/workbench',
    lazy: lazy(() => import('./layouts/workbench-layout')),
    HydrateFallback,
    children: [
      { index: true, lazy: lazy(() => import('./routes/workbench/queue')) },
      { path: 'items/:id', lazy: lazy(() => import('./routes/workbench/item-page')) },
      { path: 'notifications', lazy: lazy(() => import('./routes/notifications-page')) },
      { path: 'notification-settings', lazy: lazy(() => import('./routes/settings/notification-settings')) },
      { path: 'liaison', lazy: lazy(() => import('./routes/liaison/office')) },
      { path: 'liaison/mine', lazy: lazy(() => import('./routes/liaison/my-enterprises')) },
      { path: 'liaison/visits', lazy: lazy(() => import('./routes/liaison/my-visits')) },
      { path: 'liaison/visits/new', lazy: lazy(() => import('./routes/liaison/new-visit')) },
      { path: 'liaison/centres', lazy: lazy(() => import('./routes/liaison/centres-admin')) },
      { path: 'enterprises/:id', lazy: lazy(() => import('./routes/liaison/enterprise-file')) },
      { path: 'warnings', lazy: lazy(() => import('./routes/prevention/warnings')) },
      { path: 'disputes', lazy: lazy(() => import('./routes/disputes/disputes')) },
      { path: 'warnings/:id', lazy: lazy(() => import('./routes/prevention/warning-detail')) },
      { path: 'department-warnings', lazy: lazy(() => import('./routes/prevention/partner-warnings')) },
      { path: 'cyber', lazy: named(() => import('./routes/cyber/inspections'), 'UnitInspections') },
      { path: 'cyber/inspections/:id', lazy: named(() => import('./routes/cyber/inspection-page'), 'UnitInspectionPage') },
      { path: 'cyber/drills', lazy: lazy(() => import('./routes/cyber/drills')) },
      { path: 'open-lectures', lazy: lazy(() => import('./routes/open-lectures/team-lectures')) },
      { path: 'open-lectures/coverage', lazy: lazy(() => import('./routes/open-lectures/coverage')) },
      { path: 'cases', lazy: lazy(() => import('./routes/cases/case-list')) },
      { path: 'incidents/new', lazy: lazy(() => import('./routes/cases/new-incident')) },
      { path: 'residence-batches', lazy: named(() => import('./routes/residence/batches'), 'StationBatches') },
      { path: 'residence-batches/:id', lazy: named(() => import('./routes/residence/batch-detail'), 'StationBatchDetail') },
      { path: 'answer-review', lazy: lazy(() => import('./routes/workbench/answer-review')) },
      { path: 'publications', lazy: lazy(() => import('./routes/publications/publications')) },
      { path: 'publications/:id', lazy: lazy(() => import('./routes/publications/publication-detail')) },
      { path: 'traffic/accidents', lazy: lazy(() => import('./routes/traffic/accidents')) },
      { path: 'traffic/hazard-inspections', lazy: lazy(() => import('./routes/traffic/hazards')) },
    ],
  },
  {
    path: '/dashboard',
    lazy: lazy(() => import('./layouts/dashboard-layout')),
    HydrateFallback,
    children: [
      { index: true, lazy: lazy(() => import('./routes/dashboard/dashboard')) },
      { path: 'items/:id', lazy: lazy(() => import('./routes/workbench/item-page')) },
      { path: 'liaison-coverage', lazy: lazy(() => import('./routes/liaison/coverage')) },
      { path: 'incident-response', lazy: lazy(() => import('./routes/cases/response-times')) },
      { path: 'notification-settings', lazy: lazy(() => import('./routes/settings/notification-settings')) },
    ],
  },
  {
    path: '/admin',
    lazy: lazy(() => import('./layouts/admin-layout')),
    HydrateFallback,
    children: [
      { index: true, element: <Navigate to={paths.admin.users} replace /> },
      { path: 'users', lazy: lazy(() => import('./routes/admin/users')) },
      { path: 'units', lazy: lazy(() => import('./routes/admin/units')) },
      { path: 'calendar', lazy: lazy(() => import('./routes/admin/calendar')) },
      { path: 'audit', lazy: lazy(() => import('./routes/admin/audit')) },
      { path: 'item-types', lazy: lazy(() => import('./routes/admin/item-types')) },
      { path: 'tia-thresholds', lazy: lazy(() => import('./routes/admin/tia-thresholds')) },
      { path: 'sensitive-words', lazy: lazy(() => import('./routes/admin/sensitive-words')) },
      { path: 'notification-settings', lazy: lazy(() => import('./routes/settings/notification-settings')) },
    ],
  },
  { path: '*', lazy: lazy(() => import('./routes/not-found')) },
]);
