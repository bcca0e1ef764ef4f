// Account management calls for the 督查室 screen. Responses with one-time passwords are shown
// once and never cached (not in IndexedDB, not by the service worker).
import type { ManagedRole } from '../../../shared/schemas/users';
import { api, failureFrom, unwrap, ApiFailure, NETWORK_MESSAGE, type Answer } from '../api/client';

export type { ManagedRole };
/** The answers' types come from the routes (worker/src/routes/users.ts). */
export type UserSummary = Answer<typeof api.api.users.$get>['users'][number];
export type UserFormOptions = Answer<typeof api.api.users.options.$get>;
export type IssuedAccount = Answer<typeof api.api.users.$post>;
export type BulkCreateResponse = Answer<typeof api.api.users.bulk.$post>;

export async function listAccounts(): Promise<UserSummary[]> {
  return (await unwrap(api.api.users.$get({ query: {} }))).users;
}

export function accountOptions(): Promise<UserFormOptions> {
  return unwrap(api.api.users.options.$get({ query: {} }));
}

export function createAccount(body: { username: string; displayName: string; role: ManagedRole; unitId?: string; leaderId?: string }): Promise<IssuedAccount> {
  return unwrap(api.api.users.$post({ json: body }));
}

export interface BulkInput {
  planId: string;
  prefix?: string;
  reissuePending?: boolean;
}

export function bulkCreate(input: BulkInput): Promise<BulkCreateResponse> {
  return unwrap(api.api.users.bulk.$post({ json: input, query: { format: 'json' } }));
}

/** Creates the accounts and saves the list (with one-time passwords) as a file. */
export async function bulkCreateDownload(input: BulkInput, format: 'xlsx' | 'csv'): Promise<{ created: number; reissued: number; skipped: number }> {
  let res: Response;
  try {
    res = (await api.api.users.bulk.$post({ json: input, query: { format } })) as unknown as Response;
  } catch {
    throw new ApiFailure(0, 'network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await failureFrom(res);
  const counts = {
    created: Number(res.headers.get('x-created-count') ?? 0),
    reissued: Number(res.headers.get('x-reissued-count') ?? 0),
    skipped: Number(res.headers.get('x-skipped-count') ?? 0),
  };
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  saveFile(await res.blob(), name ? decodeURIComponent(name) : `督办账号清单.${format}`);
  return counts;
}

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function resetPassword(id: string): Promise<string> {
  return (await unwrap(api.api.users[':id']['reset-password'].$post({ param: { id } }))).initialPassword;
}

export async function revokeSessions(id: string): Promise<number> {
  return (await unwrap(api.api.users[':id']['revoke-sessions'].$post({ param: { id } }))).revoked;
}

export async function updateAccount(id: string, change: { displayName?: string; disabled?: boolean }): Promise<UserSummary> {
  return (await unwrap(api.api.users[':id'].$patch({ param: { id }, json: change }))).user;
}
