import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface CalendarDay {
  date: string;
  workday: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
  name?: string;
  provisional?: boolean;
}

export function useCalendarDays(from: string, to: string) {
  return useQuery({ queryKey: ['calendar', from, to], queryFn: () => api<CalendarDay[]>('/calendar/days', { query: { from, to } }) });
}
