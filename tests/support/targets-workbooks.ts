/**
 * 绩效目标申报表 workbooks as units fill them in (targets.md), written with exceljs: the national
 * template, a regional variant with merged cells, notes, ★ marks and two blocks, one with 分值 and
 * 指标值设定依据, a 部门（单位）整体 declaration and an empty template with ** placeholders.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';

type Cells = ReadonlyArray<readonly [string, string | number]>;

/** Cells by address; a range (A3:B3) is merged and takes the value. */
function put(ws: ExcelJS.Worksheet, cells: Cells): void {
  for (const [at, value] of cells) {
    const [from] = at.split(':');
    if (at.includes(':')) ws.mergeCells(at);
    ws.getCell(from ?? at).value = value;
  }
}

async function save(wb: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Lines of an indicator block from `top`: 一级/二级 merged down where they repeat. */
function lines(
  ws: ExcelJS.Worksheet,
  top: number,
  rows: ReadonlyArray<readonly string[]>,
  cols = 'ABCDE',
): void {
  const [c1, c2, c3, c4, c5] = cols.split('');
  rows.forEach((row, i) => {
    const r = top + i;
    const [l1, l2, name, target, basis] = row;
    for (const [col, value, level] of [
      [c1, l1, 0],
      [c2, l2, 1],
    ] as const) {
      const above = rows[i - 1];
      if (above && above[level] === value && above[0] === l1) continue;
      let end = i;
      while (rows[end + 1]?.[level] === value && rows[end + 1]?.[0] === l1) end++;
      put(ws, [[end > i ? `${col}${r}:${col}${top + end}` : `${col}${r}`, value ?? '']]);
    }
    if (c3 && c4)
      put(ws, [
        [`${c3}${r}`, name ?? ''],
        [`${c4}${r}`, target ?? ''],
      ]);
    if (c5 && basis !== undefined) put(ws, [[`${c5}${r}`, basis]]);
  });
}

export const NATIONAL_LINES = [
  ['产出指标', '数量指标', '新建集中供水工程', '3处'],
  ['产出指标', '数量指标', '改造供水管网长度', '≥120公里'],
  ['产出指标', '质量指标', '工程验收合格率', '100%'],
  ['产出指标', '时效指标', '工程完工时间', '2025年11月底前'],
  ['成本指标', '经济成本指标', '单处工程平均造价', '≤400万元'],
  ['效益指标', '社会效益指标', '巩固提升受益人口', '≥3.5万人'],
  ['效益指标', '可持续影响指标', '供水水质达标率', '≥95%'],
  ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
] as const;

/** (1) The Ministry of Finance's template: pairs two per row, funds block, goals side by side. */
export async function nationalTemplate(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目支出绩效目标申报表');
  put(ws, [
    ['A1:H1', '项目支出绩效目标申报表'],
    ['A2:H2', '（2025年度）'],
    ['A3:B3', '项目名称'],
    ['C3:D3', '农村饮水安全巩固提升工程'],
    ['E3:F3', '项目负责人及电话'],
    ['G3:H3', '王明 0731-5551234'],
    ['A4:B4', '主管部门'],
    ['C4:D4', '某县水利局'],
    ['E4:F4', '实施单位'],
    ['G4:H4', '某县农村供水管理站'],
    ['A5:B7', '资金情况\n（万元）'],
    ['C5:D5', '年度资金总额'],
    ['E5:H5', 1200.5],
    ['C6:D6', '其中：财政拨款'],
    ['E6:H6', 1000.5],
    ['C7:D7', '其他资金'],
    ['E7:H7', 200],
    ['A8:D8', '总体目标'],
    ['E8:H8', '年度目标'],
    ['A9:D9', '目标1：到2027年全县农村自来水普及率达到98%。\n目标2：供水保证率稳定在95%以上。'],
    ['E9:H9', '新建集中供水工程3处，改造管网120公里，巩固提升3.5万农村人口供水保障水平。'],
    ['A10', '一级指标'],
    ['B10', '二级指标'],
    ['C10:D10', '三级指标'],
    ['E10:F10', '指标值'],
    ['G10:H10', '备注'],
  ]);
  NATIONAL_LINES.forEach((row, i) =>
    put(ws, [
      [`C${11 + i}:D${11 + i}`, row[2]],
      [`E${11 + i}:F${11 + i}`, row[3]],
    ]),
  );
  lines(
    ws,
    11,
    NATIONAL_LINES.map(([a, b]) => [a, b]),
    'AB',
  );
  put(ws, [
    ['A20:D20', '填报人：张三'],
    ['E20:H20', '填报日期：2024年10月15日'],
  ]);
  return save(wb, dir, '项目支出绩效目标申报表.xlsx');
}

/** (2) A county variant: inline funds, ★, 指标内容, notes, spacer rows, 长期 before 年度, 3 declarations. */
export async function variantWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  put(ws, [
    ['A1:F1', '2025年度项目支出绩效目标申报表'],
    ['A2', '项目名称'],
    ['B2:F2', '义务教育学生营养改善计划'],
    ['A3', '主管部门'],
    ['B3:C3', '某市教育局'],
    ['D3', '项目实施单位'],
    ['E3:F3', '某市学生资助管理中心'],
    ['A4:A5', '项目资金申请（万元）'],
    ['B4:F4', '年度资金总额：8123.36万元'],
    ['B5:C5', '财政拨款：6923.36万元'],
    ['D5:F5', '其他资金：1200万元'],
    ['A7', '年度目标'],
    ['B7:F7', '为全市5.2万名农村义务教育学生提供营养膳食补助，确保食品安全零事故。'],
    ['A8:A10', '长期绩效指标'],
    ['B8', '一级指标'],
    ['C8', '二级指标'],
    ['D8', '指标内容'],
    ['E8', '指标值'],
    ['F8', '备注'],
    ['A11:A17', '年度绩效指标'],
    ['B11', '一级指标'],
    ['C11', '二级指标'],
    ['D11', '指标内容'],
    ['E11', '指标值'],
    ['F11', '备注'],
    ['B17:F17', '注：带★的为核心指标，自评时重点关注。'],
    ['A18:F18', '填报人：李四        单位负责人：赵六'],
  ]);
  lines(
    ws,
    9,
    [
      ['产出指标', '数量指标', '覆盖学校数', '120所'],
      ['效益指标', '社会效益指标', '学生营养状况', '持续改善'],
    ],
    'BCDE',
  );
  lines(
    ws,
    12,
    [
      ['产出指标', '数量指标', '★受益学生人数', '≥5.2万人'],
      ['产出指标', '质量指标', '食品安全事故发生次数', '0次'],
    ],
    'BCDE',
  );
  // Row 14 is left blank between the groups, as forms often do.
  lines(
    ws,
    15,
    [
      ['效益指标', '社会效益指标', '★学生营养知识知晓率', '≥85%'],
      ['满意度指标', '服务对象满意度指标', '家长满意度', '≥90%'],
    ],
    'BCDE',
  );
  put(ws, [
    ['A21:F21', '2025年度项目支出绩效目标申报表'],
    ['A22', '项目名称'],
    ['B22:F22', '校园安全提升工程'],
    ['A23', '主管部门'],
    ['B23:C23', '某市教育局'],
    ['D23', '实施单位'],
    ['E23:F23', '某市第一中学'],
    ['A24', '年度资金总额(万元)'],
    ['B24', 300],
    ['C24', '其中：财政拨款'],
    ['D24', 280],
    ['E24', '自有资金'],
    ['F24', 20],
    ['A25', '年度目标'],
    ['B25:F25', '完成校园视频监控全覆盖。'],
    ['A26', '一级指标'],
    ['B26', '二级指标'],
    ['C26', '具体指标'],
    ['D26', '指标值'],
  ]);
  lines(
    ws,
    27,
    [
      ['产出指标', '数量指标', '安装监控探头', '200个'],
      ['产出指标', '时效指标', '完成时间', '2025年8月底前'],
      ['效益指标', '社会效益指标', '校园安全事件下降率', '≥30%'],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥95%'],
    ],
    'ABCD',
  );
  const second = wb.addWorksheet('第二个项目');
  put(second, [
    ['A1', '项目名称'],
    ['B1:D1', '乡村教师培训'],
    ['A2', '主管部门'],
    ['B2:D2', '某市教育局'],
    ['A3', '项目单位'],
    ['B3:D3', '某市教师发展中心'],
    ['A4', '年度资金总额'],
    ['B4', '50.00'],
    ['C4', '年初预算数'],
    ['D4', '45万元'],
    ['A5', '调整后预算数'],
    ['B5', 50],
    ['A6', '年度总体目标'],
    ['B6:D6', '培训乡村教师800人次。'],
    ['A7', '一级指标'],
    ['B7', '二级指标'],
    ['C7', '三级指标'],
    ['D7', '指标值'],
  ]);
  lines(
    second,
    8,
    [
      ['产出指标', '数量指标', '培训人次', '800人次'],
      ['满意度指标', '服务对象满意度指标', '参训教师满意度', '≥90%'],
    ],
    'ABCD',
  );
  return save(wb, dir, '申报表（县区样式）.xlsx');
}

export const WEIGHTED_LINES = [
  ['产出指标', '数量指标', '维修道路长度', '12公里', '年度维修计划'],
  ['产出指标', '质量指标', '维修合格率', '≥98%', '行业标准'],
  ['效益指标', '社会效益指标', '道路通行能力', '明显提升', '历史数据'],
  ['满意度指标', '服务对象满意度指标', '市民满意度', '≥85%', '上年满意度调查'],
] as const;
/** 分值 of WEIGHTED_LINES: 90, with 预算执行率's 10 a full 100. */
export const WEIGHTED_SCORES = [30, 20, 30, 10] as const;

/** (3) A province's form with 指标值设定依据 and 分值: weights declared, funds titles above values. */
export async function weightedWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, [
    ['A1:F1', '项目支出绩效目标申报表'],
    ['A2', '项目名称'],
    ['B2:C2', '城区道路维修'],
    ['D2', '项目负责人'],
    ['E2', '陈七'],
    ['F2', '联系电话：13800000000'],
    ['A3', '主管部门'],
    ['B3:C3', '某区住建局'],
    ['D3', '实施单位'],
    ['E3:F3', '某区市政工程管理所'],
    ['A4:A5', '项目预算（万元）'],
    ['B4:C4', '年度资金总额'],
    ['D4', '财政拨款'],
    ['E4:F4', '其他资金'],
    ['B5:C5', 500],
    ['D5', 500],
    ['E5:F5', 0],
    ['A6', '年度目标'],
    ['B6:F6', '维修城区道路12公里。'],
    ['A7', '一级指标'],
    ['B7', '二级指标'],
    ['C7', '三级指标'],
    ['D7', '指标值'],
    ['E7', '指标值设定依据'],
    ['F7', '分值'],
  ]);
  lines(ws, 8, WEIGHTED_LINES, 'ABCDE');
  WEIGHTED_SCORES.forEach((w, i) => put(ws, [[`F${8 + i}`, w]]));
  return save(wb, dir, '城区道路维修申报表.xlsx');
}

/** (4) 部门（单位）整体支出绩效目标申报表 with 年度主要任务 and the unit's own 一级 (新疆). */
export async function departmentWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整体支出');
  put(ws, [
    ['A1:F1', '部门（单位）整体支出绩效目标申报表'],
    ['A2', '部门（单位）名称'],
    ['B2:F2', '某县生态环境局'],
    ['A3', '年度部门整体支出预算（万元）'],
    ['B3', '资金总额'],
    ['C3', 1500],
    ['D3', '财政拨款'],
    ['E3', 1400],
    ['A4:A7', '年度主要任务'],
    ['B4:B5', '任务名称'],
    ['C4:C5', '主要内容'],
    ['D4:F4', '预算金额（万元）'],
    ['D5', '总额'],
    ['E5', '财政拨款'],
    ['F5', '其他资金'],
    ['B6', '大气污染防治'],
    ['C6', '开展扬尘治理和秸秆禁烧巡查'],
    ['D6', 600],
    ['E6', 600],
    ['F6', 0],
    ['B7', '水环境监测'],
    ['C7', '完成12个断面月度监测'],
    ['D7', 900],
    ['E7', 800],
    ['F7', 100],
    ['A8', '年度总体目标'],
    ['B8:F8', '全县空气质量优良天数比例不低于85%，地表水断面水质达标。'],
    ['A9', '一级指标'],
    ['B9', '二级指标'],
    ['C9', '三级指标'],
    ['D9', '指标值'],
  ]);
  lines(
    ws,
    10,
    [
      ['履职效能', '数量指标', '监测断面数', '12个'],
      ['履职效能', '质量指标', '空气质量优良天数比例', '≥85%'],
      ['管理效率', '预算执行', '预算执行率', '≥95%'],
    ],
    'ABCD',
  );
  return save(wb, dir, '部门整体支出绩效目标申报表.xlsx');
}

/** (5) The template as issued, not yet filled: ** where the values go. */
export async function emptyTemplate(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('模板');
  put(ws, [
    ['A1', '项目名称'],
    ['A2', '主管部门'],
    ['C2', '实施单位'],
    ['A3', '年度资金总额'],
    ['B3', '**'],
    ['A4', '年度目标'],
    ['A5', '一级指标'],
    ['B5', '二级指标'],
    ['C5', '三级指标'],
    ['D5', '指标值'],
  ]);
  lines(
    ws,
    6,
    [
      ['产出指标', '数量指标', '受益人数', '**人'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥**%'],
    ],
    'ABCD',
  );
  return save(wb, dir, '空白申报表.xlsx');
}
