import { z } from 'zod';

export const tags = ['prevention'];
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const itemParams = z.object({ itemId: z.uuid() }).strict();
export const faqBody = z
  .object({
    itemId: z.uuid().describe('The answered legal question (公职律师法律服务 item)'),
    title: text(2, 100).describe('The FAQ title, as the public reads it'),
    question: text(5, 2000).describe('The question, with what names the enterprise removed'),
    answer: text(10, 5000).describe('The answer'),
  })
  .strict();
