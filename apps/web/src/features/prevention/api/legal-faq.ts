import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface ItemFaq {
  faq: { publicationId: string; title: string; publishedAt: string | null } | null;
  abilities: { canPublish: boolean };
}
export interface FaqInput {
  itemId: string;
  title: string;
  question: string;
  answer: string;
}

const key = (itemId: string) => ['prevention', 'legal-faq', itemId];

/** The FAQ entry an answered legal question became, and whether the officer may make one. */
export function useItemFaq(itemId: string) {
  return useQuery({ queryKey: key(itemId), queryFn: () => api<ItemFaq>(`/prevention/legal-faqs/items/${encodeURIComponent(itemId)}`) });
}

export function usePublishFaq() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: FaqInput) => api<ItemFaq>('/prevention/legal-faqs', { method: 'POST', body: v }),
    onSuccess: (r, v) => {
      qc.setQueryData(key(v.itemId), r);
      void qc.invalidateQueries({ queryKey: ['publications'] });
    },
  });
}
