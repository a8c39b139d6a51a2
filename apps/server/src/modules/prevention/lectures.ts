import { DomainError, lecturesOverlap, speakerKey, type ItemState } from '@jqt/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { timelineOf } from '../items/repository.ts';
import type { ItemOutputs } from '../items/service.ts';

/** The schedule a lecture was confirmed with (the acceptance's fields), or null before. */
function scheduleOf(item: Pick<ItemState, 'acceptInput' | 'acceptedAt'>) {
  const a = item.acceptInput;
  if (!item.acceptedAt || typeof a.lectureDate !== 'string') return null;
  return { date: a.lectureDate, startTime: String(a.startTime), durationMinutes: Number(a.durationMinutes), speaker: String(a.speaker), place: String(a.lecturePlace) };
}

/** Lectures on this date already confirmed (not refused), other than this one: number and schedule. */
async function confirmedOn(tx: Queryable, date: string, exceptId: string) {
  const r = (await tx.execute(sql`
    select id, number, accept_input from items
    where type = 'safety-lecture' and id <> ${exceptId} and accepted_at is not null and status <> 'refused'
      and accept_input->>'lectureDate' = ${date}`)) as unknown as { rows: unknown[] };
  return (r.rows as { id: string; number: string; accept_input: Record<string, unknown> }[]).map((x) => ({ number: x.number, ...scheduleOf({ acceptInput: x.accept_input, acceptedAt: new Date() })! }));
}

/**
 * 平安宣讲: one speaker gives one lecture at a time. Checked in the accepting transaction under a lock on the speaker,
 * so two officers confirming at once cannot both book them; a clash is a 422 on `speaker` and nothing is saved.
 */
const safetyLectureOutputs: ItemOutputs = {
  async afterTransition(tx, { item, action }) {
    if (action !== 'accept') return;
    const mine = scheduleOf(item);
    if (!mine) return;
    const key = speakerKey(mine.speaker);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lecture-speaker:${key}`}))`);
    const clash = (await confirmedOn(tx, mine.date, item.id)).find((o) => speakerKey(o.speaker) === key && lecturesOverlap(o, mine));
    if (clash) {
      throw new DomainError('validation_failed', {
        kind: 'invalid',
        errors: [{ path: 'speaker', code: 'speaker_busy', params: { speaker: mine.speaker, date: clash.date, time: clash.startTime, number: clash.number } }],
      });
    }
  },
  async describe(ctx: AppContext, item) {
    const answers = (await timelineOf(ctx.database.db, item.id)).filter((e) => e.action === 'answer');
    const held = (answers[answers.length - 1]?.detail as { answer?: Record<string, unknown> } | undefined)?.answer;
    return {
      lecture: {
        schedule: scheduleOf(item),
        record: held ? { attendance: held.attendance ?? null, materials: held.materials ?? null } : null,
      },
    };
  },
};

/** This module's item types and what each produces, for the one list in registries.ts. */
export const lectureOutputs: Record<string, ItemOutputs> = {
  'safety-lecture': safetyLectureOutputs,
};
