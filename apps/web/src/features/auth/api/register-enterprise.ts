import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface RegisterInput {
  uscc: string;
  name: string;
  district: string;
  /** 国民经济行业分类 门类 A–T */
  industry: string;
  address?: string;
  username: string;
  password: string;
  displayName: string;
  mobile: string;
}

export function useRegisterEnterprise() {
  return useMutation({ mutationFn: (input: RegisterInput) => api<unknown>('/enterprises/register', { method: 'POST', body: input }) });
}
