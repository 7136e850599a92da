import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../../api/errors';
import type { Endpoint, EndpointInput } from '../../api/types';
import { useApi } from '../../session/session-context';
import {
  changedFields,
  formState,
  toInput,
  type EndpointFormState,
  type LocalErrors,
} from './endpoint-form-state';

/**
 * Creates an endpoint, or saves the changed fields of one. Field errors (the form's own parsing
 * first, then the API's) come back keyed by field; '' holds a message for no field.
 */
export function useEndpointSave(appId: string, endpoint?: Endpoint) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [localErrors, setLocalErrors] = useState<LocalErrors>({});
  const mutation = useMutation({
    mutationFn: async (body: EndpointInput | Partial<EndpointInput>) =>
      endpoint
        ? api.PATCH('/api/v1/apps/{appId}/endpoints/{endpointId}', {
            params: { path: { appId, endpointId: endpoint.id } },
            body,
          })
        : api.POST('/api/v1/apps/{appId}/endpoints', {
            params: { path: { appId } },
            body: body as EndpointInput,
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['endpoints', appId] }),
  });
  const save = (state: EndpointFormState) => {
    const { input, errors } = toInput(state);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body = endpoint ? changedFields(toInput(formState(endpoint)).input, input) : input;
    mutation.mutate(body);
  };
  const apiErrors = fieldErrors(mutation.error);
  const errors: LocalErrors = { ...apiErrors, ...localErrors };
  if (mutation.isError && Object.keys(apiErrors).length === 0)
    errors[''] = errorMessage(mutation.error);
  return { save, errors, mutation };
}
