import { Link, useParams } from 'react-router';
import { CopyButton } from '../../components/CopyButton';
import { PageTitle } from '../../components/PageTitle';
import { EndpointForm } from './EndpointForm';
import { formState } from './endpoint-form-state';
import { useEndpointSave } from './use-endpoint-save';

export function EndpointNewPage() {
  const { appId = '' } = useParams();
  const { save, errors, mutation } = useEndpointSave(appId);
  const created = mutation.data as { id: string; secret?: string; publicKey?: string } | undefined;
  return (
    <>
      <PageTitle title="New endpoint" />
      {created ? (
        <div className="card notice" role="status">
          <p>
            Endpoint created.{' '}
            <Link to={`/apps/${appId}/endpoints/${created.id}`}>Open its page</Link>.
          </p>
          {created.secret && (
            <p>
              Its signing secret: <code className="secret">{created.secret}</code>{' '}
              <CopyButton text={created.secret} />
            </p>
          )}
        </div>
      ) : (
        <div className="card">
          <EndpointForm
            initial={formState()}
            creating
            errors={errors}
            busy={mutation.isPending}
            submitLabel="Create endpoint"
            onSubmit={save}
          />
        </div>
      )}
    </>
  );
}
