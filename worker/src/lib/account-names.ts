// Usernames made for people rather than typed by them: the organisation's short code and the unit
// name (wuzhong-发改委), so a reporter can guess their own login from the list on the wall.
import { USERNAME_PATTERN } from '../../../shared/schemas/users';

/** Districts of the sample plans; any other organisation gets org<N> (N = its place in the list). */
const KNOWN_SLUGS: Array<[string, string]> = [
  ['吴中区', 'wuzhong'],
  ['吴江区', 'wujiang'],
  ['太仓市', 'taicang'],
];

export function orgSlug(orgName: string, ordinal: number): string {
  for (const [word, slug] of KNOWN_SLUGS) if (orgName.includes(word)) return slug;
  return `org${ordinal}`;
}

/** Keeps only characters a username may have (drops spaces, slashes, 、 …). */
export function usernamePart(name: string): string {
  return Array.from(name.normalize('NFC'))
    .filter((ch) => USERNAME_PATTERN.test(ch))
    .join('')
    .slice(0, 40);
}

export function unitUsername(prefix: string, unitName: string): string {
  return `${prefix}-${usernamePart(unitName) || 'unit'}`;
}

/**
 * Picks names not in `taken` (compared ignoring case, like the users table), adding -2, -3 …
 * when two units would get the same login. `taken` is updated.
 */
export function uniqueUsername(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${wanted}-${k}`;
  taken.add(name.toLowerCase());
  return name;
}
