/** The facts of a concluded case a public 涉企案件通报 (M2) may name: no person, no enterprise, no investigative detail. */
export interface CaseBulletinFacts {
  /** 案件类别, e.g. 合同诈骗. */
  category: string;
  /** The measure it serves (11 经济犯罪, 12 海外, 13 知识产权, 10 涉企警情). */
  measure: number | null;
  /** 承办单位. */
  unitName: string;
  /** Dates as YYYY-MM-DD (Beijing); null when the stage has no date. */
  registeredOn: string | null;
  filedOn: string | null;
  concludedOn: string | null;
  /** 止损 + 挽损 in yuan. */
  recoveredTotal: number;
}

const MEASURE_TOPIC: Record<number, string> = {
  10: '依法严厉打击侵害企业合法权益的违法犯罪',
  11: '依法严厉打击侵害企业合法权益的经济犯罪',
  12: '依法维护我市海外企业和人员合法权益',
  13: '依法严厉打击侵犯知识产权和制售伪劣商品犯罪',
};

const day = (d: string | null) => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : null);
const yuan = (n: number) => (n >= 10_000 ? `${Math.round(n / 100) / 100} 万元` : `${n} 元`);

/**
 * The proposed text of a case bulletin, for the officer to edit before it goes to the supervisor: the category, the
 * unit, the dates and the losses recovered, with the enterprise as 辖区某企业. Published through the publication
 * flow, which refuses personal data as for every bulletin.
 */
export function caseBulletinProposal(f: CaseBulletinFacts): { title: string; summary: string; body: string } {
  const topic = (f.measure && MEASURE_TOPIC[f.measure]) || MEASURE_TOPIC[11];
  const recovered = f.recoveredTotal > 0 ? `，为企业挽回经济损失 ${yuan(f.recoveredTotal)}` : '';
  const steps = [
    f.registeredOn ? `${day(f.registeredOn)}，${f.unitName}接到辖区某企业报案后依法受案` : `${f.unitName}接到辖区某企业报案后依法受案`,
    f.filedOn ? `${day(f.filedOn)}依法立案侦查` : null,
    f.concludedOn ? `${day(f.concludedOn)}案件侦查终结` : null,
  ].filter(Boolean);
  return {
    title: `${f.unitName}侦破一起${f.category}案`,
    summary: `${f.unitName}依法侦破一起侵害企业合法权益的${f.category}案${recovered}。`,
    body: `为${topic}，${steps.join('，')}${recovered}。\n\n公安机关提醒广大企业：遇到${f.category}等侵害企业合法权益的违法犯罪，请及时通过警企通平台或拨打 110 报案，公安机关将依法受理、及时办理。`,
  };
}

