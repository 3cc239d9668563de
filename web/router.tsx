import { createBrowserRouter, type RouteObject } from 'react-router';
import { Skeleton } from 'antd';
import { LoginPage } from './features/auth/login-page.tsx';
import { TotpSetupPage } from './features/auth/totp-setup-page.tsx';
import { AppShell, HomeRedirect, NotFoundPage } from './layout/app-shell.tsx';

/**
 * A page loaded when first visited (its own chunk: the first screen does not wait for every module, and charts load
 * with the pages that draw them). `pick` names the page component the module exports.
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => React.ComponentType): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/login/totp-setup', element: <TotpSetupPage /> },
  // Printed on its own, without the app's frame.
  { path: '/dues/organizations/:organizationId/print', ...page(() => import('./features/dues/collection-print-page.tsx'), (m) => m.CollectionPrintPage) },
  {
    path: '/',
    element: <AppShell />,
    // Shown while the first page's chunk loads on a fresh visit.
    hydrateFallbackElement: <Skeleton active style={{ padding: 24 }} />,
    children: [
      // Each role has its home: officials the member list, front officers the tree, a member their own record.
      { index: true, element: <HomeRedirect /> },
      { path: 'members', ...page(() => import('./features/members/member-list-page.tsx'), (m) => m.MemberListPage) },
      { path: 'members/new', ...page(() => import('./features/members/member-form-page.tsx'), (m) => m.MemberFormPage) },
      { path: 'members/:id', ...page(() => import('./features/members/member-page.tsx'), (m) => m.MemberPage) },
      { path: 'members/:id/edit', ...page(() => import('./features/members/member-form-page.tsx'), (m) => m.MemberFormPage) },
      { path: 'organizations', ...page(() => import('./features/organizations/organization-tree-page.tsx'), (m) => m.OrganizationTreePage) },
      { path: 'organizations/:id', ...page(() => import('./features/organizations/organization-page.tsx'), (m) => m.OrganizationPage) },
      { path: 'users', ...page(() => import('./features/users/users-page.tsx'), (m) => m.UsersPage) },
      { path: 'calendar', ...page(() => import('./features/calendar/calendar-page.tsx'), (m) => m.CalendarPage) },
      { path: 'candidates', ...page(() => import('./features/candidates/candidate-list-page.tsx'), (m) => m.CandidateListPage) },
      { path: 'candidates/new', ...page(() => import('./features/candidates/candidate-introduce-page.tsx'), (m) => m.CandidateIntroducePage) },
      { path: 'candidates/:id', ...page(() => import('./features/candidates/candidate-page.tsx'), (m) => m.CandidatePage) },
      { path: 'training', ...page(() => import('./features/training/class-list-page.tsx'), (m) => m.ClassListPage) },
      { path: 'training/classes/:id', ...page(() => import('./features/training/class-page.tsx'), (m) => m.ClassPage) },
      { path: 'party-life', ...page(() => import('./features/party-life/party-life-home-page.tsx'), (m) => m.PartyLifeHomePage) },
      { path: 'party-life/cells/:id', ...page(() => import('./features/party-life/cell-page.tsx'), (m) => m.CellPartyLifePage) },
      { path: 'party-life/meetings/:id', ...page(() => import('./features/meetings/meeting-page.tsx'), (m) => m.MeetingPage) },
      { path: 'dues', ...page(() => import('./features/dues/dues-page.tsx'), (m) => m.DuesPage) },
      { path: 'dues/organizations/:organizationId', ...page(() => import('./features/dues/dues-page.tsx'), (m) => m.DuesPage) },
      { path: 'dues/members/:memberId', ...page(() => import('./features/dues/member-dues-page.tsx'), (m) => m.MemberDuesPage) },
      { path: 'admissions', ...page(() => import('./features/admission/admission-board-page.tsx'), (m) => m.AdmissionBoardPage) },
      { path: 'admissions/deadlines', ...page(() => import('./features/admission/admission-deadlines-page.tsx'), (m) => m.AdmissionDeadlinesPage) },
      { path: 'admissions/quality', ...page(() => import('./features/admission/admission-quality-page.tsx'), (m) => m.AdmissionQualityPage) },
      { path: 'admissions/:id', ...page(() => import('./features/admission/admission-case-page.tsx'), (m) => m.AdmissionCasePage) },
      { path: 'transfers', ...page(() => import('./features/transfers/transfer-list-page.tsx'), (m) => m.TransferListPage) },
      { path: 'transfers/new', ...page(() => import('./features/transfers/transfer-issue-page.tsx'), (m) => m.TransferIssuePage) },
      { path: 'transfers/incoming/new', ...page(() => import('./features/transfers/transfer-incoming-page.tsx'), (m) => m.TransferIncomingPage) },
      { path: 'transfers/:id', ...page(() => import('./features/transfers/transfer-page.tsx'), (m) => m.TransferPage) },
      { path: 'grading', ...page(() => import('./features/grading/grading-home-page.tsx'), (m) => m.GradingHomePage) },
      { path: 'grading/report', ...page(() => import('./features/grading/report-page.tsx'), (m) => m.GradingReportPage) },
      { path: 'grading/cycles/:id', ...page(() => import('./features/grading/cycle-page.tsx'), (m) => m.CyclePage) },
      { path: 'grading/entries/:id', ...page(() => import('./features/grading/entry-page.tsx'), (m) => m.EntryPage) },
      { path: 'grading/members/:id', ...page(() => import('./features/grading/member-grading-page.tsx'), (m) => m.MemberGradingPage) },
      { path: 'screening', ...page(() => import('./features/screening/screening-page.tsx'), (m) => m.ScreeningPage) },
      { path: 'screening/oversight', ...page(() => import('./features/screening/oversight-page.tsx'), (m) => m.OversightPage) },
      { path: 'screening/report', ...page(() => import('./features/screening/report-page.tsx'), (m) => m.ScreeningReportPage) },
      { path: 'removal', ...page(() => import('./features/removal/removal-list-page.tsx'), (m) => m.RemovalListPage) },
      { path: 'removal/cases/:id', ...page(() => import('./features/removal/removal-case-page.tsx'), (m) => m.RemovalCasePage) },
      { path: 'rule-sets', ...page(() => import('./features/rule-sets/rule-sets-page.tsx'), (m) => m.RuleSetsPage) },
      { path: 'privacy', ...page(() => import('./features/privacy/privacy-requests-page.tsx'), (m) => m.PrivacyRequestsPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
