/** The party token of this browser tab, kept in sessionStorage: it goes when the tab closes. */

const KEY = 'caravan.token';

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class Session {
  constructor(private readonly store: TokenStore) {}

  get token(): string | null {
    return this.store.getItem(KEY);
  }

  signIn(token: string): void {
    this.store.setItem(KEY, token.trim());
  }

  signOut(): void {
    this.store.removeItem(KEY);
  }
}

/** What is wrong with a token as typed, or null when it looks like one (43 base64url characters, docs/api.md). */
export function tokenProblem(text: string): string | null {
  const token = text.trim();
  if (token.length === 0) return 'Enter a party token.';
  if (/\s/.test(token)) return 'A token has no spaces inside it.';
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return 'A token holds only letters, digits, "-" and "_" (base64url).';
  if (token.length < 24) return `A token is at least 24 characters; this one has ${token.length}.`;
  return null;
}
