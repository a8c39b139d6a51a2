import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Project, ProjectStage } from './types';

export { useProjects } from './enterprise-file';

export interface ProjectInput {
  name: string;
  enterpriseId: string;
  district: string;
  address: string;
  stage: ProjectStage | '';
  startOn: string;
  endOn?: string | null;
}

/** 重大项目: registers a project (POST) or changes one (PATCH); the server checks every field. */
export function useSaveProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; input: ProjectInput }) =>
      v.id ? api<Project>(`/liaison/projects/${encodeURIComponent(v.id)}`, { method: 'PATCH', body: v.input }) : api<Project>('/liaison/projects', { method: 'POST', body: v.input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['liaison'] }),
  });
}
