import { Outlet } from 'react-router';
import { Header } from './Header';
import { Nav } from './Nav';

/** Header, navigation and the page; a skip link jumps the keyboard past the navigation. */
export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <div className="body">
        <Nav />
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
