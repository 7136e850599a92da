import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle title="Not found" />
      <p>
        There is no page here. <Link to="/">Go to the start</Link>.
      </p>
    </>
  );
}
