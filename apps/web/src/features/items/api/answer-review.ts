import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** 审核: the item types whose answers the unit's leaders review before they go out. */
export interface AnswerReview {
  unitId: string;
  itemTypes: string[];
  abilities: { canEdit: boolean };
}

const key = (unitId: string | null | undefined) => ['units', unitId, 'answer-review'] as const;

export function useAnswerReview(unitId: string | null | undefined) {
  return useQuery({ queryKey: key(unitId), queryFn: () => api<AnswerReview>(`/units/${encodeURIComponent(unitId!)}/answer-review`), enabled: !!unitId });
}

export function useSaveAnswerReview(unitId: string | null | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemTypes: string[]) => api<AnswerReview>(`/units/${encodeURIComponent(unitId!)}/answer-review`, { method: 'PUT', body: { itemTypes } }),
    onSuccess: (r) => qc.setQueryData(key(unitId), r),
  });
}
