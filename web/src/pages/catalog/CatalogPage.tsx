import { useCatalog } from '../../api/use-catalog';
import { JsonView } from '../../components/JsonView';
import { PageTitle } from '../../components/PageTitle';
import { QueryView } from '../../components/QueryView';

/** Every event type the catalog defines, with its JSON schema and the sample the simulator sends. */
export function CatalogPage() {
  const catalog = useCatalog();
  return (
    <>
      <PageTitle title="Event catalog" />
      <QueryView query={catalog} what="Loading the catalog">
        {(events) => (
          <div>
            {events.map((event) => (
              <details key={event.type} className="card" id={event.type}>
                <summary>
                  <strong className="mono">{event.type}</strong> — {event.description}
                </summary>
                <div className="split">
                  <div>
                    <h2>Sample</h2>
                    <JsonView label={`${event.type} sample`} text={JSON.stringify(event.sample)} />
                  </div>
                  <div>
                    <h2>Schema</h2>
                    <JsonView label={`${event.type} schema`} text={JSON.stringify(event.schema)} />
                  </div>
                </div>
              </details>
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}
