import type { Messages } from '../../i18n/messages.ts';

export const authMessages: Messages = {
  vi: {
    'auth.party': 'ĐẢNG CỘNG SẢN VIỆT NAM',
    'auth.heading': 'Đăng nhập',
    'auth.username': 'Tên đăng nhập',
    'auth.password': 'Mật khẩu',
    'auth.submit': 'Đăng nhập',
    'auth.usernameRequired': 'Vui lòng nhập tên đăng nhập',
    'auth.passwordRequired': 'Vui lòng nhập mật khẩu',
    'auth.sessionEnded': 'Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.',
    'auth.notice': 'Chỉ dành cho cán bộ, đảng viên được cấp tài khoản. Không chia sẻ mật khẩu cho người khác.',
    'auth.noRecord': 'Tài khoản của bạn chưa được gắn với hồ sơ đảng viên nào. Vui lòng liên hệ cán bộ quản trị.',
  },
  en: {
    'auth.party': 'COMMUNIST PARTY OF VIETNAM',
    'auth.heading': 'Sign in',
    'auth.username': 'Username',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.usernameRequired': 'Please enter your username',
    'auth.passwordRequired': 'Please enter your password',
    'auth.sessionEnded': 'Your session has ended. Please sign in again.',
    'auth.notice': 'For officials and members with an issued account only. Never share your password.',
    'auth.noRecord': 'Your account is not linked to a member record. Please contact the administrator.',
  },
};
