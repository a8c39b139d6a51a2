import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenLectureDraft, OpenLectureStatus, SignupStatus } from '@jqt/domain';
import { api } from '../../../lib/api-client';

/** 公开宣讲 (M19) as the portal shows it: seats left and the waitlist's length, never who signed up. */
export interface PublicLecture {
  id: string;
  title: string;
  topics: string[];
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  speaker: string;
  capacity: number;
  seatsLeft: number;
  waitlisted: number;
  status: OpenLectureStatus;
  /** Still takes sign-ups (published and not yet on its day). */
  open: boolean;
}
export type { SignupStatus };
export interface TeamLecture extends PublicLecture {
  createdAt: string;
  cancelledAt: string | null;
  signups: { id: string; enterpriseId: string; enterpriseName: string; district: string; attendees: number; status: SignupStatus; waitlistPosition: number | null; signedUpAt: string }[];
  abilities: { canCancel: boolean };
}
export interface MySignup {
  id: string;
  lecture: PublicLecture;
  attendees: number;
  status: SignupStatus;
  waitlistPosition: number | null;
  signedUpAt: string;
  abilities: { canCancel: boolean };
}
export interface Coverage {
  year: number;
  cells: { district: string; topic: string; enterprises: number }[];
}

const keys = { all: ['open-lectures'] as const, portal: ['open-lectures', 'portal'], team: ['open-lectures', 'team'], mine: ['open-lectures', 'mine'], coverage: (year: number) => ['open-lectures', 'coverage', year] };

export function usePortalLectures() {
  return useQuery({ queryKey: keys.portal, queryFn: async () => (await api<{ lectures: PublicLecture[] }>('/public/open-lectures')).lectures });
}
export function useTeamLectures() {
  return useQuery({ queryKey: keys.team, queryFn: async () => (await api<{ lectures: TeamLecture[] }>('/prevention/open-lectures')).lectures });
}
export function useMySignups(enabled = true) {
  return useQuery({ queryKey: keys.mine, queryFn: async () => (await api<{ signups: MySignup[] }>('/enterprise/open-lectures')).signups, enabled });
}
/** The coverage's year as the query string, for the table and its ledger alike. */
export const coverageQuery = (year: number) => ({ year: String(year) });
export function useLectureCoverage(year: number) {
  return useQuery({ queryKey: keys.coverage(year), queryFn: () => api<Coverage>('/prevention/lecture-coverage', { query: coverageQuery(year) }) });
}

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}
export const usePublishLecture = () => useWrite((v: OpenLectureDraft) => api<TeamLecture>('/prevention/open-lectures', { method: 'POST', body: v }));
export const useCancelLecture = () => useWrite((id: string) => api<TeamLecture>(`/prevention/open-lectures/${encodeURIComponent(id)}/cancellation`, { method: 'POST' }));
export const useSignUp = () => useWrite((v: { lectureId: string; attendees: number }) => api<MySignup>(`/enterprise/open-lectures/${encodeURIComponent(v.lectureId)}/signups`, { method: 'POST', body: { attendees: v.attendees } }));
export const useCancelSignup = () => useWrite((id: string) => api<MySignup>(`/enterprise/open-lecture-signups/${encodeURIComponent(id)}/cancellation`, { method: 'POST' }));
