import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type PublicationKind = 'policy' | 'faq' | 'bulletin' | 'warning';
/** 常见问题 (faq): answers of the police lawyers marked reusable (M18). */
export const PUBLICATION_KINDS: PublicationKind[] = ['policy', 'faq', 'bulletin', 'warning'];

export interface Publication {
  id: string;
  kind: PublicationKind;
  title: string;
  summary: string | null;
  body?: string;
  district: string | null;
  status: string;
  unitId: string | null;
  publishedAt: string | null;
  createdAt: string;
}

interface PublicationPage {
  publications: Publication[];
  nextCursor: string | null;
}

/** Published policies, case bulletins and risk warnings (public, no sign-in); `q` is a Chinese full-text search. */
export function usePublications(kind: PublicationKind | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: ['publications', 'list', kind ?? 'all', q],
    queryFn: ({ pageParam, signal }) =>
      api<PublicationPage>('/public/publications', { query: { kind, q: q || undefined, cursor: pageParam || undefined, limit: 20 }, signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor || undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function usePublication(id: string | undefined) {
  return useQuery({
    queryKey: ['publications', 'one', id],
    queryFn: ({ signal }) => api<Publication>(`/public/publications/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
  });
}
