/**
 * 部门整体支出绩效评价基础数据表 (layout D department forms, 004) under the form: 财政供养人员情况,
 * 经费控制情况 lines (added and removed as the unit needs: 本级专项资金 has one line per 专项),
 * 楼堂馆所控制情况 and 厉行节约保障措施. Every commit replaces the table in one setBasicData step, so
 * undo takes it back; the 控制率 are computed.
 */
import type { BasicDataLayout } from '../../../shared/layouts/types';
import { fmtAmount, fmtNum, fmtPct } from '../../../shared/format/numbers';
import { BASIC_DATA_LABELS as L, controlRate, emptyBasicData } from '../../../shared/model/basic-data';
import type { BasicData, BasicDataRow, BuildingControl, Form } from '../../../shared/model/types';
import { parseNumberInput } from '../../../shared/values/input';
import { useEditor } from './EditorContext';
import { TextField } from './TextField';

type Amount = Exclude<keyof BasicDataRow, 'item' | 'extra'>;
type BuildingKey = Exclude<keyof BuildingControl, 'extra'>;
const AMOUNTS: Amount[] = ['lastYearFinal', 'budget', 'final'];
const BUILDING: Array<[BuildingKey, string]> = [
  ['approvedArea', L.approvedArea],
  ['actualArea', L.actualArea],
  ['budgetInvestment', L.budgetInvestment],
  ['actualInvestment', L.actualInvestment],
];

const emptyLine = (): BasicDataRow => ({ item: '', lastYearFinal: null, budget: null, final: null });
const rateText = (rate: number | null) => (rate === null ? '' : fmtPct(rate));

export function BasicDataBlock({ form, def }: { form: Form; def: BasicDataLayout }) {
  const { store } = useEditor();
  const data = form.basicData ?? emptyBasicData(def);
  const readOnly = store.readOnly;
  const put = (next: BasicData) => store.apply([{ op: 'setBasicData', formId: form.id, value: next }]);

  /** A number box: 万元 amounts with at least two decimals (more when typed), head counts as typed. */
  const numberBox = (
    value: number | null,
    what: string,
    testId: string,
    next: (n: number | null) => BasicData,
    amount = true,
  ) => (
    <TextField
      value={value === null ? '' : amount ? fmtAmount(value) : fmtNum(value)}
      onCommit={(text) => {
        const n = parseNumberInput(text, what);
        if (!n.ok) return store.setMessage(n.message, 'error');
        if (n.value !== value) put(next(n.value));
      }}
      readOnly={readOnly}
      label={what}
      className="number-input"
      testId={testId}
    />
  );
  const setRow = (i: number, row: BasicDataRow): BasicData => ({
    ...data,
    spending: data.spending.map((r, j) => (j === i ? row : r)),
  });
  const b = data.building;

  return (
    <section className="form-section basic-data" aria-label={def.title} data-testid="basic-data">
      <h2 className="section-title">{def.title}</h2>
      <table className="basic-data-table">
        <tbody>
          <tr>
            <th rowSpan={2}>{L.staff}</th>
            <th>{L.authorized}</th>
            <th>{L.actualStaff(form.year)}</th>
            <th>{L.staffRate}</th>
          </tr>
          <tr>
            <td>
              {numberBox(
                data.authorizedStaff,
                L.authorized,
                'basic-authorizedStaff',
                (n) => ({ ...data, authorizedStaff: n }),
                false,
              )}
            </td>
            <td>
              {numberBox(
                data.actualStaff,
                '实际在职人数',
                'basic-actualStaff',
                (n) => ({ ...data, actualStaff: n }),
                false,
              )}
            </td>
            <td className="computed" data-testid="basic-staff-rate">
              {rateText(controlRate(data.actualStaff, data.authorizedStaff))}
            </td>
          </tr>
          <tr>
            <th>{L.spending}</th>
            <th>{L.lastYearFinal(form.year)}</th>
            <th>{L.budget(form.year)}</th>
            <th>{L.final(form.year)}</th>
            <th aria-label="操作" />
          </tr>
          {data.spending.map((row, i) => (
            <tr key={i}>
              <td>
                <TextField
                  value={row.item}
                  onCommit={(item) => put(setRow(i, { ...row, item }))}
                  readOnly={readOnly}
                  label="经费项目"
                  testId={`basic-item-${i}`}
                />
              </td>
              {AMOUNTS.map((key) => (
                <td key={key}>
                  {numberBox(row[key], '金额', `basic-${key}-${i}`, (n) => setRow(i, { ...row, [key]: n }))}
                </td>
              ))}
              <td>
                {!readOnly && (
                  <>
                    {/* 004: 本级专项资金 has one line per 专项, under its own line, not at the end. */}
                    <button
                      type="button"
                      className="link-button"
                      title="在这一行下面插入一行（可撤销）"
                      data-testid={`basic-insert-${i}`}
                      onClick={() =>
                        put({ ...data, spending: data.spending.toSpliced(i + 1, 0, emptyLine()) })
                      }
                    >
                      插入
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      title="删除这一行（可撤销）"
                      onClick={() => put({ ...data, spending: data.spending.filter((_, j) => j !== i) })}
                    >
                      删除
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <button
          type="button"
          className="add-row"
          data-testid="basic-add-row"
          onClick={() =>
            put({
              ...data,
              spending: [...data.spending, emptyLine()],
            })
          }
        >
          ＋ 新增经费行
        </button>
      )}
      <table className="basic-data-table">
        <tbody>
          <tr>
            <th rowSpan={2}>{L.building(form.year)}</th>
            {BUILDING.slice(0, 2).map(([key, title]) => (
              <th key={key}>{title}</th>
            ))}
            <th>{L.areaRate}</th>
            {BUILDING.slice(2).map(([key, title]) => (
              <th key={key}>{title}</th>
            ))}
            <th>{L.investmentRate}</th>
          </tr>
          <tr>
            {BUILDING.slice(0, 2).map(([key, title]) => (
              <td key={key}>
                {numberBox(b[key], title, `basic-${key}`, (n) => ({ ...data, building: { ...b, [key]: n } }))}
              </td>
            ))}
            <td className="computed">{rateText(controlRate(b.actualArea, b.approvedArea))}</td>
            {BUILDING.slice(2).map(([key, title]) => (
              <td key={key}>
                {numberBox(b[key], title, `basic-${key}`, (n) => ({ ...data, building: { ...b, [key]: n } }))}
              </td>
            ))}
            <td className="computed">{rateText(controlRate(b.actualInvestment, b.budgetInvestment))}</td>
          </tr>
        </tbody>
      </table>
      <label className="analysis-item">
        <span className="analysis-title">{L.saving}</span>
        <TextField
          multiline
          value={data.savingMeasures}
          onCommit={(savingMeasures) => put({ ...data, savingMeasures })}
          readOnly={readOnly}
          className="long-text"
          testId="basic-savingMeasures"
        />
      </label>
    </section>
  );
}
