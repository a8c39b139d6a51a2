import type { Label } from '../items/form.ts';
import type { UnitType } from '../org/index.ts';

/**
 * The crimes an enterprise may report, in the measures' own lists (淄公通〔2023〕34号 M10–M13), each with the unit
 * type that handles it. Routing is this table: the crime-report declaration, the guide and the statistics read it.
 * `district: true` sends the report to the police bureau of the enterprise's district (分县局).
 */
export interface CrimeCategory {
  code: string;
  measure: 10 | 11 | 12 | 13;
  label: Label;
  unitType: UnitType;
  district?: true;
}

const c = (measure: CrimeCategory['measure'], unitType: UnitType, code: string, zh: string, en: string, district?: true): CrimeCategory => ({
  code,
  measure,
  label: { zh, en },
  unitType,
  ...(district ? { district } : {}),
});

export const crimeCategories: readonly CrimeCategory[] = [
  // M11 经济犯罪: 经侦支队
  c(11, 'econ-crime', 'contract-fraud', '合同诈骗', 'Contract fraud'),
  c(11, 'econ-crime', 'job-embezzlement', '职务侵占', 'Embezzlement by an employee'),
  c(11, 'econ-crime', 'misappropriation', '挪用资金', 'Misappropriation of funds'),
  c(11, 'econ-crime', 'commercial-bribery', '商业贿赂', 'Commercial bribery'),
  c(11, 'econ-crime', 'bid-rigging', '串通投标', 'Bid rigging'),
  c(11, 'econ-crime', 'bill-fraud', '票据诈骗', 'Negotiable-instrument fraud'),
  c(11, 'econ-crime', 'debt-evasion', '恶意逃废金融债务', 'Malicious evasion of financial debts'),
  c(11, 'econ-crime', 'illegal-business', '非法经营', 'Illegal business operation'),
  c(11, 'econ-crime', 'illegal-fundraising', '非法集资', 'Illegal fund-raising'),
  c(11, 'econ-crime', 'pyramid-selling', '传销', 'Pyramid selling'),
  // M13 知识产权: 食药环知
  c(13, 'fde-ip', 'trade-secret', '侵犯商业秘密', 'Infringement of trade secrets'),
  c(13, 'fde-ip', 'copyright', '侵犯著作权', 'Copyright infringement'),
  c(13, 'fde-ip', 'counterfeit-trademark', '假冒注册商标', 'Counterfeiting a registered trademark'),
  c(13, 'fde-ip', 'fake-goods', '制售伪劣商品', 'Making or selling fake or shoddy goods'),
  // M12 海外: 出入境（国际合作）
  c(12, 'exit-entry', 'overseas', '海外项目或人员受侵害', 'Harm to an overseas project or staff'),
  // M10 涉企违法犯罪: 刑侦 or the district bureau
  c(10, 'branch', 'market-bullying', '欺行霸市', 'Market bullying', true),
  c(10, 'branch', 'forced-trade', '强迫交易', 'Forced trading', true),
  c(10, 'criminal-investigation', 'violent-debt', '暴力讨债', 'Violent debt collection'),
  c(10, 'branch', 'work-obstruction', '恶意阻工', 'Malicious obstruction of works', true),
  c(10, 'branch', 'provocation', '寻衅滋事', 'Picking quarrels and provoking trouble', true),
  c(10, 'criminal-investigation', 'extortion', '敲诈勒索', 'Extortion'),
  c(10, 'criminal-investigation', 'telecom-fraud', '电信诈骗', 'Telecom fraud'),
  c(10, 'fde-ip', 'environment', '环境资源', 'Environmental and resource crime'),
];

const byCode = new Map(crimeCategories.map((x) => [x.code, x]));
export function crimeCategory(code: unknown): CrimeCategory | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined;
}

/** The handling units named in the guide, by unit type. */
export const caseUnitNames: Partial<Record<UnitType, Label>> = {
  'econ-crime': { zh: '市公安局经济犯罪侦查支队', en: 'Economic Crime Detachment' },
  'fde-ip': { zh: '市公安局食品药品与环境犯罪侦查支队（食药环知）', en: 'Food, Drug, Environment and IP Crime Detachment' },
  'exit-entry': { zh: '市公安局出入境管理支队（国际合作）', en: 'Exit-Entry Administration (international cooperation)' },
  'criminal-investigation': { zh: '市公安局刑事侦查支队', en: 'Criminal Investigation Detachment' },
  branch: { zh: '企业所在地公安分县局', en: "The police bureau of the enterprise's district" },
};

/** The unit types that handle cases (the workbench shows the case list to their police, and to supervisors). */
export const caseUnitTypes: readonly UnitType[] = [...new Set(crimeCategories.map((x) => x.unitType))];
