import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from './features/auth/login-page.tsx';
import { MemberFormPage } from './features/members/member-form-page.tsx';
import { MemberListPage } from './features/members/member-list-page.tsx';
import { MemberPage } from './features/members/member-page.tsx';
import { OrganizationPage } from './features/organizations/organization-page.tsx';
import { OrganizationTreePage } from './features/organizations/organization-tree-page.tsx';
import { UsersPage } from './features/users/users-page.tsx';
import { AppShell } from './layout/app-shell.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/members" replace /> },
      { path: 'members', element: <MemberListPage /> },
      { path: 'members/new', element: <MemberFormPage /> },
      { path: 'members/:id', element: <MemberPage /> },
      { path: 'members/:id/edit', element: <MemberFormPage /> },
      { path: 'organizations', element: <OrganizationTreePage /> },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'users', element: <UsersPage /> },
    ],
  },
]);
