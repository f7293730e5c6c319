/**
 * The fonts of the form's cells, in order: Windows', then the domestic Linux systems'. A module of
 * its own so that measuring text (rowHeights.ts) does not bring AG Grid's theme with it.
 */
export const CJK_FONTS = [
  'Microsoft YaHei',
  '微软雅黑',
  'SimSun',
  '宋体',
  'Noto Sans CJK SC',
  'WenQuanYi Micro Hei',
  'sans-serif',
];
