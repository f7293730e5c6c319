/**
 * The bundled starter set: indicators that recur in county and city 自评表 and 申报表 (the national
 * framework's tree), each with its usual target form and scoring rule. Suggestions, never defaults.
 */
import type { LibraryEntry } from './types';

type Row = [level1: string, level2: string, name: string, target: string, ruleText: string];

const FULL_OR_RATIO = '达到指标值得满分，未达到按完成比例得分';
const ON_TIME = '按时完成得满分，每延迟1个月扣分值的20%，扣完为止';
const SATISFACTION = '满意度≥90%得满分，每低1个百分点扣分值的10%，扣完为止';

const ROWS: Row[] = [
  ['产出指标', '数量指标', '完成项目数量', '≥N个', FULL_OR_RATIO],
  ['产出指标', '数量指标', '培训人次', '≥N人次', FULL_OR_RATIO],
  ['产出指标', '数量指标', '受益人数', '≥N人', FULL_OR_RATIO],
  ['产出指标', '数量指标', '覆盖率', '≥95%', FULL_OR_RATIO],
  ['产出指标', '数量指标', '设备购置数量', 'N台（套）', FULL_OR_RATIO],
  ['产出指标', '数量指标', '检查（督查）次数', '≥N次', FULL_OR_RATIO],
  ['产出指标', '质量指标', '项目验收合格率', '100%', FULL_OR_RATIO],
  ['产出指标', '质量指标', '资金使用合规率', '100%', '合规得满分，发现违规使用资金不得分'],
  ['产出指标', '质量指标', '问题整改完成率', '100%', FULL_OR_RATIO],
  ['产出指标', '质量指标', '资金拨付准确率', '100%', FULL_OR_RATIO],
  ['产出指标', '时效指标', '完成及时率', '100%', ON_TIME],
  ['产出指标', '时效指标', '资金拨付及时率', '100%', ON_TIME],
  ['产出指标', '时效指标', '项目完成时间', '12月底前', ON_TIME],
  ['产出指标', '成本指标', '成本控制率', '≤100%', '未超出预算得满分，每超出1个百分点扣分值的10%'],
  ['产出指标', '成本指标', '预算执行率', '≥90%', FULL_OR_RATIO],
  ['成本指标', '经济成本指标', '项目总成本', '≤N万元', '控制在预算内得满分，超出按比例扣分'],
  ['效益指标', '经济效益指标', '带动相关产业增收', '≥N万元', FULL_OR_RATIO],
  ['效益指标', '社会效益指标', '政策知晓率', '≥90%', FULL_OR_RATIO],
  ['效益指标', '社会效益指标', '公共服务水平', '有效提升', '达成目标得满分，部分达成按程度得分'],
  ['效益指标', '社会效益指标', '群众生活条件改善', '有所改善', '达成目标得满分，部分达成按程度得分'],
  ['效益指标', '生态效益指标', '环境质量改善', '持续改善', '达成目标得满分，部分达成按程度得分'],
  ['效益指标', '生态效益指标', '空气质量优良天数比率', '≥N%', FULL_OR_RATIO],
  ['效益指标', '可持续影响指标', '长效管理机制建立', '健全', '建立并运行得满分，部分建立按程度得分'],
  ['效益指标', '可持续影响指标', '项目持续发挥作用年限', '≥N年', FULL_OR_RATIO],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', SATISFACTION],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', SATISFACTION],
  ['满意度指标', '服务对象满意度指标', '受益对象满意度', '≥90%', SATISFACTION],
];

export const STARTER_INDICATORS: LibraryEntry[] = ROWS.map(([level1, level2, name, target, ruleText]) => ({
  name,
  level1,
  level2,
  target,
  ruleText,
  origin: 'starter',
  uses: 0,
}));
