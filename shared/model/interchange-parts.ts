/**
 * The optional parts of form JSON (interchange.md): `header` (layout E's header fields) and
 * `basicData` (layout D's 基础数据表). Old JSON has neither and parses as before; unknown keys
 * inside them are kept like everywhere else in the format.
 */
import { extraOf, isObject, Reader, type Json } from './json-reader';
import {
  HEADER_NUMBER_KEYS,
  HEADER_TEXT_KEYS,
  type BasicData,
  type BasicDataRow,
  type BuildingControl,
  type Extra,
  type HeaderValues,
} from './types';

const HEADER_KEY_SET = new Set<string>([...HEADER_TEXT_KEYS, ...HEADER_NUMBER_KEYS]);
const BASIC_KEYS = new Set(['authorizedStaff', 'actualStaff', 'spending', 'building', 'savingMeasures']);
const ROW_KEYS = new Set(['item', 'lastYearFinal', 'budget', 'final']);
const BUILDING_KEYS = ['approvedArea', 'actualArea', 'budgetInvestment', 'actualInvestment'] as const;

/** Empty values are not kept (header.ts never stores one), so `{contact: ""}` reads as no contact. */
export function parseHeader(v: unknown, r: Reader): { header?: HeaderValues; extra?: Extra } {
  if (!isObject(v)) {
    if (v !== null) r.errors.push('header 应为对象');
    return {};
  }
  const header: HeaderValues = {};
  for (const key of HEADER_TEXT_KEYS) {
    const text = r.str(v, key, 'header.');
    if (text !== '') header[key] = text;
  }
  for (const key of HEADER_NUMBER_KEYS) {
    const n = r.num(v, key, 'header.');
    if (n !== null) header[key] = n;
  }
  const extra = extraOf(v, HEADER_KEY_SET);
  return { ...(Object.keys(header).length > 0 ? { header } : {}), ...(extra ? { extra } : {}) };
}

export function headerToJson(header: HeaderValues | undefined, extra: Extra | undefined): Json | null {
  if (!header && !extra) return null;
  return { ...extra, ...header };
}

export function parseBasicData(v: unknown, r: Reader): BasicData | null {
  if (!isObject(v)) {
    if (v !== null) r.errors.push('basicData 应为对象');
    return null;
  }
  const path = 'basicData.';
  const buildingJson = isObject(v.building) ? v.building : {};
  if (v.building !== undefined && !isObject(v.building)) r.errors.push('basicData.building 应为对象');
  const building: BuildingControl = {
    approvedArea: r.num(buildingJson, 'approvedArea', `${path}building.`),
    actualArea: r.num(buildingJson, 'actualArea', `${path}building.`),
    budgetInvestment: r.num(buildingJson, 'budgetInvestment', `${path}building.`),
    actualInvestment: r.num(buildingJson, 'actualInvestment', `${path}building.`),
  };
  const buildingExtra = extraOf(buildingJson, new Set(BUILDING_KEYS));
  if (buildingExtra) building.extra = buildingExtra;
  const spending = r.list(v, 'spending', path, (row, rowPath) => {
    const out: BasicDataRow = {
      item: r.str(row, 'item', rowPath),
      lastYearFinal: r.num(row, 'lastYearFinal', rowPath),
      budget: r.num(row, 'budget', rowPath),
      final: r.num(row, 'final', rowPath),
    };
    const extra = extraOf(row, ROW_KEYS);
    if (extra) out.extra = extra;
    return out;
  });
  const data: BasicData = {
    authorizedStaff: r.num(v, 'authorizedStaff', path),
    actualStaff: r.num(v, 'actualStaff', path),
    spending,
    building,
    savingMeasures: r.str(v, 'savingMeasures', path),
  };
  const extra = extraOf(v, BASIC_KEYS);
  if (extra) data.extra = extra;
  return data;
}

export function basicDataToJson(data: BasicData): Json {
  const { extra: buildingExtra, ...building } = data.building;
  return {
    ...data.extra,
    authorizedStaff: data.authorizedStaff,
    actualStaff: data.actualStaff,
    spending: data.spending.map(({ extra, ...row }) => ({ ...extra, ...row })),
    building: { ...buildingExtra, ...building },
    savingMeasures: data.savingMeasures,
  };
}
