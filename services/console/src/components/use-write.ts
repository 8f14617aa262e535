/** A write through TanStack Query: on success it refreshes the data, announces the change and waits for the workers. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/errors';
import type { Written } from '../api/resources';
import { useAnnounceChange } from './propagation';

export function useWrite<A>(write: (args: A) => Promise<Written>, describe: (args: A) => string, onDone?: (w: Written, args: A) => void) {
  const queryClient = useQueryClient();
  const announce = useAnnounceChange();
  return useMutation<Written, ApiError, A>({
    mutationFn: write,
    onSuccess: async (w, args) => {
      announce(describe(args), w.position);
      await queryClient.invalidateQueries();
      onDone?.(w, args);
    },
  });
}
