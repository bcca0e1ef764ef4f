// "Install the app" before the first offline capture: Safari deletes a site's storage after
// 7 days unused, while an app on the home screen keeps its own. Chromium offers a prompt
// (beforeinstallprompt, caught early here); iOS needs 分享 → 添加到主屏幕 by hand.
import { createStore } from '../lib/store';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'duban.installDismissed';

export interface InstallState {
  /** Running as an installed app (home screen / standalone window). */
  installed: boolean;
  /** The browser offered a prompt we can show. */
  canPrompt: boolean;
  /** iPhone/iPad Safari: explain 分享 → 添加到主屏幕. */
  ios: boolean;
  dismissed: boolean;
}

let deferred: BeforeInstallPromptEvent | null = null;

function isStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  return window.matchMedia?.('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

function isIOS(): boolean {
  if (typeof navigator === 'undefined') return false;
  return /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
}

export const installStore = createStore<InstallState>({
  installed: isStandalone(),
  canPrompt: false,
  ios: isIOS(),
  dismissed: typeof localStorage !== 'undefined' && localStorage.getItem(DISMISSED_KEY) === '1',
});

export function listenForInstall(): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    deferred = e as BeforeInstallPromptEvent;
    installStore.set({ ...installStore.get(), canPrompt: true });
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    installStore.set({ ...installStore.get(), installed: true, canPrompt: false });
  });
}

export async function promptInstall(): Promise<boolean> {
  if (!deferred) return false;
  const e = deferred;
  deferred = null;
  await e.prompt();
  const { outcome } = await e.userChoice;
  installStore.set({ ...installStore.get(), canPrompt: false, installed: outcome === 'accepted' || installStore.get().installed });
  return outcome === 'accepted';
}

export function dismissInstall(): void {
  localStorage.setItem(DISMISSED_KEY, '1');
  installStore.set({ ...installStore.get(), dismissed: true });
}
