import type { Label } from './form.ts';

/**
 * 打包办 "一件事" (M6): the packages an enterprise may choose, each a set of item types filed in one submission
 * (`POST /packages`). `shared` are the fields that mean the same thing in every type of the package (the project's
 * name, the contact): the form asks for them once and copies them into each item. Every other field stays the
 * item's own, since the same name can mean different things (a house number's `location` is the project's
 * boundaries, a road work's the road section).
 */
export interface ItemPackage {
  code: string;
  names: Label;
  description: Label;
  types: string[];
  shared: string[];
}

export const itemPackages: readonly ItemPackage[] = [
  {
    code: 'project-start',
    names: { zh: '项目开工一件事', en: 'Starting a building project' },
    description: {
      zh: '新建项目一次提交门楼牌编划审批和占用挖掘道路许可，分别由分县局户政部门和交警大队并联办理。',
      en: "House numbers and the road works of a new project in one submission, handled side by side by the district bureau's household desk and the traffic brigade.",
    },
    types: ['house-number', 'road-works'],
    shared: ['projectName', 'district', 'contactName', 'contactPhone'],
  },
  {
    code: 'oversize-with-road-works',
    names: { zh: '大件运输一件事', en: 'Oversize transport with road works' },
    description: {
      zh: '大件运输许可和沿线临时占用道路许可一次提交，交警部门并联审批。',
      en: 'The oversize transport permit and the temporary road occupation along its route in one submission, approved side by side by the traffic police.',
    },
    types: ['oversize-transport', 'road-works'],
    shared: ['contactName', 'contactPhone'],
  },
];

export const itemPackage = (code: string): ItemPackage | undefined => itemPackages.find((p) => p.code === code);
