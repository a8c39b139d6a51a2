import { randomUUID } from 'node:crypto';
import { canSee, DomainError, formatShanghai, LEGAL_CATEGORIES, type FieldError, type ItemState } from '@jqt/domain';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { legalFaqs } from '../../db/schema.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { findPublication, insertPublication } from '../content/repository.ts';
import { searchTokens } from '../content/search-tokens.ts';
import { personalDataIn } from '@jqt/domain';
import { findItem, rowToState } from '../items/repository.ts';

const TYPE = 'legal-consultation';

/** The legal question as the actor may see it; 404 for another type or an item they may not see. */
async function legalItem(db: Queryable, actor: UserActor, itemId: string) {
  const row = await findItem(db, itemId);
  const state = row ? rowToState(row) : undefined;
  if (!row || !state || row.type !== TYPE || !canSee(state, actor)) throw new DomainError('not_found', { kind: 'not-found' });
  return { row, state };
}

/** 收入常见问题: an officer or leader of the unit that answered it, once the answer is given. */
function mayPublish(actor: UserActor, item: ItemState): boolean {
  return (actor.role === 'officer' || actor.role === 'unit-leader') && actor.unitId === item.unitId && (item.status === 'answered' || item.status === 'closed');
}

async function faqLink(db: Queryable, itemId: string) {
  const [r] = await db.select().from(legalFaqs).where(eq(legalFaqs.itemId, itemId)).limit(1);
  return r;
}

/** The FAQ entry an answered legal question became, and whether the actor may make one of it. */
export async function faqOfItem(ctx: AppContext, actor: UserActor, itemId: string) {
  const db = ctx.database.db;
  const { state } = await legalItem(db, actor, itemId);
  const link = await faqLink(db, itemId);
  const pub = link ? await findPublication(db, link.publicationId) : undefined;
  return {
    faq: pub ? { publicationId: pub.id, title: pub.title, publishedAt: pub.publishedAt ? formatShanghai(pub.publishedAt) : null } : null,
    abilities: { canPublish: !link && mayPublish(actor, state) },
  };
}

export interface FaqInput {
  itemId: string;
  /** The question as the public will read it: the officer removes what names the enterprise. */
  title: string;
  question: string;
  answer: string;
}

/**
 * An answer marked reusable becomes a published FAQ entry (kind `faq`) of the policy library, searchable as every
 * publication is; one per question. Public text: a phone or ID number in it is refused, field by field.
 */
export async function publishFaq(ctx: AppContext, actor: UserActor, input: FaqInput, ip: string) {
  const db = ctx.database.db;
  const { state } = await legalItem(db, actor, input.itemId);
  if (!(actor.role === 'officer' || actor.role === 'unit-leader') || actor.unitId !== state.unitId) throw new DomainError('forbidden', { kind: 'forbidden' });
  const errors: FieldError[] = [];
  if (state.status !== 'answered' && state.status !== 'closed') errors.push({ path: 'itemId', code: 'faq_needs_answer' });
  else if (await faqLink(db, input.itemId)) errors.push({ path: 'itemId', code: 'faq_exists' });
  for (const f of ['title', 'question', 'answer'] as const) if (personalDataIn(input[f]).length) errors.push({ path: f, code: 'personal_data_in_text' });
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });

  const id = randomUUID();
  const now = ctx.now();
  const category = LEGAL_CATEGORIES.find((c) => c.value === state.data.category)?.label.zh ?? '法律问题';
  const summary = `${category}：${input.question}`.slice(0, 200);
  const body = `问：${input.question}\n\n答：${input.answer}`;
  try {
    await db.transaction(async (tx) => {
      await insertPublication(tx, {
        id,
        kind: 'faq',
        title: input.title,
        summary,
        body,
        district: null,
        status: 'published',
        authorId: actor.id,
        unitId: actor.unitId,
        publishedBy: actor.id,
        publishedAt: now,
        createdAt: now,
        searchTokens: searchTokens(`${input.title} ${category} ${body}`).join(' '),
      });
      await tx.insert(legalFaqs).values({ itemId: input.itemId, publicationId: id, createdBy: actor.id, createdAt: now });
      await recordAudit(tx, { actor, action: 'legal-faq.publish', subject: `item:${input.itemId}`, detail: { publicationId: id }, ip, at: now });
    });
  } catch (e) {
    // Two officers at once: the second finds the first's entry.
    if (String((e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') {
      throw new DomainError('validation_failed', { kind: 'invalid', errors: [{ path: 'itemId', code: 'faq_exists' }] });
    }
    throw e;
  }
  return faqOfItem(ctx, actor, input.itemId);
}
