import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { EnterpriseFile, Project } from './types';

/** 一企一档: everything about one enterprise (each open is audited by the server). */
export function useEnterpriseFile(id: string | undefined) {
  return useQuery({ queryKey: ['liaison', 'file', id], queryFn: () => api<EnterpriseFile>(`/liaison/enterprises/${encodeURIComponent(id!)}/file`), enabled: !!id, retry: false });
}

export function useProjects(district?: string) {
  return useQuery({ queryKey: ['liaison', 'projects', district ?? null], queryFn: async () => (await api<{ projects: Project[] }>('/liaison/projects', { query: { district } })).projects });
}
