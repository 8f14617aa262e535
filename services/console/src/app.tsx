/** The shell: sign-in, the account picker, the navigation of an account and the 401/403 screens. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { onUnauthorized } from './api/client';
import { session } from './api/resources';
import { PropagationNotice, PropagationProvider } from './components/propagation';
import { forbiddenSignal } from './forbidden';
import { AccountPicker } from './pages/account-picker';
import { CredentialListPage } from './pages/credential-list';
import { CredentialListsPage } from './pages/credential-lists';
import { IpAclPage } from './pages/ip-acl';
import { IpAclsPage } from './pages/ip-acls';
import { SignIn } from './pages/sign-in';
import { TrunkPage } from './pages/trunk';
import { TrunksPage } from './pages/trunks';
import { href, useRoute, type Route, type Section } from './router';
import { forgetToken, readToken } from './session';

const NAV: { section: Section; label: string }[] = [
  { section: 'credential-lists', label: 'Credential lists' },
  { section: 'ip-access-control-lists', label: 'IP access control lists' },
  { section: 'trunks', label: 'Trunks' },
];

export function App() {
  const [signedIn, setSignedIn] = useState(() => readToken() !== undefined);
  const [ended, setEnded] = useState<string | undefined>();
  const queryClient = useQueryClient();
  useEffect(() => onUnauthorized(() => {
    forgetToken();
    queryClient.clear();
    setEnded('The server no longer accepts your API token (401). Sign in again with a valid token.');
    setSignedIn(false);
  }), [queryClient]);

  if (!signedIn) return <SignIn notice={ended} onSignedIn={() => { setEnded(undefined); setSignedIn(true); }} />;
  const signOut = () => { forgetToken(); queryClient.clear(); setSignedIn(false); };
  return <SignedIn onSignOut={signOut} />;
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const me = useQuery({ queryKey: ['me'], queryFn: session.me });
  const [forbidden, setForbidden] = useState<string | undefined>();
  useEffect(() => forbiddenSignal.listen(setForbidden), []);
  useEffect(() => setForbidden(undefined), [route.page, route.page === 'accounts' ? '' : route.accountId]);
  const accountId = route.page === 'accounts' ? undefined : route.accountId;
  useEffect(() => {
    const section = NAV.find((n) => n.section === route.page)?.label ?? 'Accounts';
    document.title = `${section}${accountId ? ` · ${accountId}` : ''} · sipauth console`;
  }, [route.page, accountId]);
  // After moving to another page, keyboard and screen-reader users start at its content, not at the top of the document.
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = href(route);
  const firstRoute = useRef(routeKey);
  useEffect(() => {
    if (routeKey !== firstRoute.current) mainRef.current?.focus();
    firstRoute.current = '';
  }, [routeKey]);

  return (
    <PropagationProvider>
      {/* The fragment holds the route, so the skip link moves focus itself instead of changing the fragment. */}
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>Skip to content</a>
      <header className="topbar">
        <a className="brand" href={href({ page: 'accounts' })}>sipauth <span>console</span></a>
        <div className="topbar-right">
          {accountId && <span className="account-chip">Account <strong>{accountId}</strong> <a href={href({ page: 'accounts' })}>Switch account</a></span>}
          {me.data && <span className="muted token-name">Token “{me.data.name}”</span>}
          <button type="button" className="button-quiet" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <div className="layout">
        {accountId && (
          <nav className="sidenav" aria-label="Sections">
            <ul>
              {NAV.map((n) => (
                <li key={n.section}><a href={href({ page: n.section, accountId })} aria-current={route.page === n.section ? 'page' : undefined}>{n.label}</a></li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1} ref={mainRef}>
          <PropagationNotice />
          {forbidden ? <Forbidden accountId={accountId} message={forbidden} /> : <Page route={route} me={me.data} />}
        </main>
      </div>
    </PropagationProvider>
  );
}

function Page({ route, me }: { route: Route; me?: Awaited<ReturnType<typeof session.me>> }) {
  switch (route.page) {
    case 'accounts': return <AccountPicker me={me} />;
    case 'credential-lists': return route.id ? <CredentialListPage accountId={route.accountId} id={route.id} /> : <CredentialListsPage accountId={route.accountId} />;
    case 'ip-access-control-lists': return route.id ? <IpAclPage accountId={route.accountId} id={route.id} /> : <IpAclsPage accountId={route.accountId} />;
    case 'trunks': return route.id ? <TrunkPage accountId={route.accountId} id={route.id} /> : <TrunksPage accountId={route.accountId} />;
  }
}

function Forbidden({ accountId, message }: { accountId?: string; message: string }) {
  return (
    <section className="panel screen-message" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">This token may not open account {accountId}</h1>
      <p>The server refused the request (403): {message}.</p>
      <p>Your API token is valid, but it does not cover this account. Choose one of your accounts, or sign in with a token for this one.</p>
      <p><a className="button" href={href({ page: 'accounts' })}>Choose another account</a></p>
    </section>
  );
}
