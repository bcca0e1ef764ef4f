// The signed-in user's own security: changing the password and the devices signed in.
import { api, unwrap, type Answer } from '../api/client';
import { refreshSession, signOut } from './session';

/** Changes the password with the current one; on a forced change this unlocks the app. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await unwrap(api.api.auth.password.$post({ json: { currentPassword, newPassword } }));
  await refreshSession();
}

export type SessionInfo = Answer<typeof api.api.me.sessions.$get>['sessions'][number];

export async function listMySessions(): Promise<SessionInfo[]> {
  return (await unwrap(api.api.me.sessions.$get())).sessions;
}

/** Ends one signed-in device; ending this one signs out here too. */
export async function revokeMySession(id: string): Promise<void> {
  const res = await unwrap(api.api.me.sessions[':id'].$delete({ param: { id } }));
  if (res.current) await signOut();
}

/** "iPhone · 微信" from a user agent string: enough for a person to recognise the device. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const ua = userAgent;
  const device = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /HarmonyOS/i.test(ua)
        ? '鸿蒙手机'
        : /Android/.test(ua)
          ? 'Android 手机'
          : /Windows/.test(ua)
            ? 'Windows 电脑'
            : /Macintosh|Mac OS X/.test(ua)
              ? 'Mac 电脑'
              : /Linux/.test(ua)
                ? 'Linux 电脑'
                : '未知设备';
  const app = /MicroMessenger/i.test(ua)
    ? '微信'
    : /DingTalk/i.test(ua)
      ? '钉钉'
      : /Edg\//.test(ua)
        ? 'Edge'
        : /Firefox\//.test(ua)
          ? 'Firefox'
          : /Chrome\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : '浏览器';
  return `${device} · ${app}`;
}
