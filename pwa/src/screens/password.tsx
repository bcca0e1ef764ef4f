// 修改密码 at /me/password. The form lives in change-password.tsx, which is in the first bundle
// anyway (the first-sign-in gate), so this route only points at it.
export { default } from './change-password';
