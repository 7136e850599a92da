import { PageTitle } from '../../components/PageTitle';
import { useFilters } from '../../components/use-filters';
import { DeliveryList } from './DeliveryList';
import { MessageFilters, MESSAGE_FILTERS } from './MessageFilters';
import { MessageList } from './MessageList';

/**
 * Messages by event type and time; with a delivery state or an endpoint chosen, the list is of
 * deliveries (one per message and endpoint), which is where those live.
 */
export function MessagesPage() {
  const filters = useFilters(MESSAGE_FILTERS);
  const byDelivery = filters.values.state !== '' || filters.values.endpoint !== '';
  return (
    <>
      <PageTitle title="Messages" />
      <MessageFilters filters={filters} />
      {byDelivery ? <DeliveryList filters={filters} /> : <MessageList filters={filters} />}
    </>
  );
}
