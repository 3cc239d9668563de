import { createBrowserRouter } from 'react-router';
import { AdmissionBoardPage } from './features/admission/admission-board-page.tsx';
import { AdmissionCasePage } from './features/admission/admission-case-page.tsx';
import { AdmissionDeadlinesPage } from './features/admission/admission-deadlines-page.tsx';
import { AdmissionQualityPage } from './features/admission/admission-quality-page.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { TotpSetupPage } from './features/auth/totp-setup-page.tsx';
import { CyclePage } from './features/grading/cycle-page.tsx';
import { EntryPage } from './features/grading/entry-page.tsx';
import { GradingHomePage } from './features/grading/grading-home-page.tsx';
import { MemberGradingPage } from './features/grading/member-grading-page.tsx';
import { GradingReportPage } from './features/grading/report-page.tsx';
import { CalendarPage } from './features/calendar/calendar-page.tsx';
import { CandidateIntroducePage } from './features/candidates/candidate-introduce-page.tsx';
import { CandidateListPage } from './features/candidates/candidate-list-page.tsx';
import { CandidatePage } from './features/candidates/candidate-page.tsx';
import { CollectionPrintPage } from './features/dues/collection-print-page.tsx';
import { DuesPage } from './features/dues/dues-page.tsx';
import { MemberDuesPage } from './features/dues/member-dues-page.tsx';
import { MemberFormPage } from './features/members/member-form-page.tsx';
import { MemberListPage } from './features/members/member-list-page.tsx';
import { MemberPage } from './features/members/member-page.tsx';
import { MeetingPage } from './features/meetings/meeting-page.tsx';
import { OrganizationPage } from './features/organizations/organization-page.tsx';
import { OrganizationTreePage } from './features/organizations/organization-tree-page.tsx';
import { CellPartyLifePage } from './features/party-life/cell-page.tsx';
import { PartyLifeHomePage } from './features/party-life/party-life-home-page.tsx';
import { ClassListPage } from './features/training/class-list-page.tsx';
import { ClassPage } from './features/training/class-page.tsx';
import { TransferIncomingPage } from './features/transfers/transfer-incoming-page.tsx';
import { TransferIssuePage } from './features/transfers/transfer-issue-page.tsx';
import { TransferListPage } from './features/transfers/transfer-list-page.tsx';
import { TransferPage } from './features/transfers/transfer-page.tsx';
import { UsersPage } from './features/users/users-page.tsx';
import { OversightPage } from './features/screening/oversight-page.tsx';
import { ScreeningReportPage } from './features/screening/report-page.tsx';
import { ScreeningPage } from './features/screening/screening-page.tsx';
import { RemovalCasePage } from './features/removal/removal-case-page.tsx';
import { RemovalListPage } from './features/removal/removal-list-page.tsx';
import { RuleSetsPage } from './features/rule-sets/rule-sets-page.tsx';
import { PrivacyRequestsPage } from './features/privacy/privacy-requests-page.tsx';
import { AppShell, HomeRedirect, NotFoundPage } from './layout/app-shell.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/login/totp-setup', element: <TotpSetupPage /> },
  // Printed on its own, without the app's frame.
  { path: '/dues/organizations/:organizationId/print', element: <CollectionPrintPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      // Each role has its home: officials the member list, front officers the tree, a member their own record.
      { index: true, element: <HomeRedirect /> },
      { path: 'members', element: <MemberListPage /> },
      { path: 'members/new', element: <MemberFormPage /> },
      { path: 'members/:id', element: <MemberPage /> },
      { path: 'members/:id/edit', element: <MemberFormPage /> },
      { path: 'organizations', element: <OrganizationTreePage /> },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'candidates', element: <CandidateListPage /> },
      { path: 'candidates/new', element: <CandidateIntroducePage /> },
      { path: 'candidates/:id', element: <CandidatePage /> },
      { path: 'training', element: <ClassListPage /> },
      { path: 'training/classes/:id', element: <ClassPage /> },
      { path: 'party-life', element: <PartyLifeHomePage /> },
      { path: 'party-life/cells/:id', element: <CellPartyLifePage /> },
      { path: 'party-life/meetings/:id', element: <MeetingPage /> },
      { path: 'dues', element: <DuesPage /> },
      { path: 'dues/organizations/:organizationId', element: <DuesPage /> },
      { path: 'dues/members/:memberId', element: <MemberDuesPage /> },
      { path: 'admissions', element: <AdmissionBoardPage /> },
      { path: 'admissions/deadlines', element: <AdmissionDeadlinesPage /> },
      { path: 'admissions/quality', element: <AdmissionQualityPage /> },
      { path: 'admissions/:id', element: <AdmissionCasePage /> },
      { path: 'transfers', element: <TransferListPage /> },
      { path: 'transfers/new', element: <TransferIssuePage /> },
      { path: 'transfers/incoming/new', element: <TransferIncomingPage /> },
      { path: 'transfers/:id', element: <TransferPage /> },
      { path: 'grading', element: <GradingHomePage /> },
      { path: 'grading/report', element: <GradingReportPage /> },
      { path: 'grading/cycles/:id', element: <CyclePage /> },
      { path: 'grading/entries/:id', element: <EntryPage /> },
      { path: 'grading/members/:id', element: <MemberGradingPage /> },
      { path: 'screening', element: <ScreeningPage /> },
      { path: 'screening/oversight', element: <OversightPage /> },
      { path: 'screening/report', element: <ScreeningReportPage /> },
      { path: 'removal', element: <RemovalListPage /> },
      { path: 'removal/cases/:id', element: <RemovalCasePage /> },
      { path: 'rule-sets', element: <RuleSetsPage /> },
      { path: 'privacy', element: <PrivacyRequestsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
