/**
 * `ziping` command line. Exit codes (interchange.md): 0 success, 1 the file has errors
 * (`check`), 2 bad usage or unreadable input with a one-line Chinese message on stderr; 130 an
 * export cancelled with Ctrl+C (nothing written).
 */
import { getLayout } from '../../shared/layouts/definitions';
import { formReport, reportFinding } from '../../shared/report/score-report';
import { scoreForm } from '../../shared/scoring/form';
import { parseArgs } from './args';
import { CliError } from './errors';
import { loadForms } from './load';

export interface CliIo {
  stdout: { write(s: string): unknown };
  /** Progress goes here too: rewritten in place on a terminal (isTTY), plain lines otherwise. */
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

const USAGE = `用法：
  ziping score 文件 [--pretty]                   计算得分、总分和等级，输出 JSON
  ziping check 文件 [--json]                     审核，列出问题；有错误时退出码为 1
  ziping new 文档.ziping --unit 单位 --year 2024 --layout shanxi
                                                 新建文档（样式：national、shanxi、xinjiang、hunan、guangdong）
  ziping import 表.json|表.xlsx --into 文档.ziping
                                                 导入表格：同名的表被替换，其余新增；
                                                 导入 Excel 时文档不存在则新建，并列出读入情况
  ziping import-targets 申报表.xlsx --into 文档.ziping
                                                 由绩效目标申报表（项目支出、部门整体支出）新增表格：
                                                 指标、指标值、分值（没有分值时按默认分配）、年度目标和资金，
                                                 实际完成值待填；文档须已存在（ziping new），列出读入情况
  ziping export 文档.ziping --out 文件.xlsx|文件夹 [--form 表名] [--draft] [--review]
                                                 导出 Excel（官方表样）：文件.xlsx 为一个工作簿（含汇总表），
                                                 文件夹为每张表一个文件；审核有错误时不导出，
                                                 除非加 --draft（页眉标“草稿”）；进度显示在标准错误输出，
                                                 Ctrl+C 取消导出（不写入任何文件，退出码 130）；
                                                 --review 同时导出批注、核查分数和审核状态
  ziping export-json 文档.ziping --out 文件夹     每张表导出为一个 JSON 文件
  ziping report 文档.ziping --out 自评报告.docx  生成部门整体支出绩效自评报告（Word）：数字全部取自文档中的表，
                                                 文档中没有的内容以黄色底纹的【请填写：……】标出
  ziping pdf 文档.ziping --out 表.pdf [--form 表名 | --forms 表名或序号,…] [--chromium 浏览器路径]
                                                 按官方表样打印为 PDF（A4，每张表另起一页，指标表头每页重复，
                                                 页脚有页码）；用系统的 Chromium、Chrome 或 Edge，
                                                 也可用 --chromium 或环境变量 ZIPING_CHROMIUM 指定
  ziping rebuild 文档.ziping --out 新文档.ziping  文档含有不属于自评表的触发器、视图或数据表而被拒绝打开时，
                                                 把其中的表格数据重建为一份干净副本（原文件不变）
  ziping rollover 上年.ziping --out 本年.ziping  新建下一年度文档：带入每张表的指标、权重和指标值，
                                                 上年实际完成值记为上年完成情况，清空完成值、得分和审核意见
  ziping summary 文件夹… --out 汇总.xlsx          多个单位的文档汇总为一个工作簿（文件夹内逐层查找
                                                 .ziping 和官方表样的 .xlsx）：单位、表格、指标、未读入
                                                 四张表；--out 汇总.sqlite 输出 SQLite 数据库，--out 文件夹
                                                 --format csv 输出 CSV（结构见 docs/summary-schema.md），
                                                 --json 输出到标准输出；文件只读，不留任何文件
  ziping --help                                  显示本说明
“文件”可以是表格 JSON（一张表或多张表的数组）或 .ziping 文档。`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`ziping：${e.message}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr.write(`ziping：内部错误：${detail.split('\n')[0]}（请把此信息反馈给开发者）\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined)
    throw new CliError('缺少命令：用法为 ziping score|check 文件.json，运行 ziping --help 查看说明');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'score':
    case 'check': {
      const args = parseArgs(rest, { flags: command === 'score' ? ['--pretty'] : ['--json'] });
      if (args.positional.length !== 1) {
        throw new CliError(`${command} 需要且只需要一个文件：ziping ${command} 文件.json`);
      }
      const forms = await loadForms(args.positional[0] as string);
      const scored = forms.map(({ layout, form }) => ({
        form,
        result: scoreForm(form, getLayout(layout), true),
      }));
      if (command === 'score') {
        const out = { forms: scored.map(({ form, result }) => formReport(form, result)) };
        io.stdout.write(`${JSON.stringify(out, null, args.flags.has('--pretty') ? 2 : undefined)}\n`);
        return 0;
      }
      const findings = scored.flatMap(({ form, result }) =>
        result.findings.map((f) => ({ form: form.projectName, ...reportFinding(f) })),
      );
      const errors = findings.filter((f) => f.level === 'error').length;
      if (args.flags.has('--json')) {
        io.stdout.write(`${JSON.stringify({ findings, errors, warnings: findings.length - errors })}\n`);
      } else {
        for (const f of findings) {
          const where = f.row !== undefined ? `第${f.row}行 ` : '';
          io.stdout.write(
            `${f.level === 'error' ? '错误' : '警告'}  ${f.form}  ${where}${f.message}  [${f.code}]\n`,
          );
        }
        io.stdout.write(`共 ${errors} 个错误，${findings.length - errors} 个警告\n`);
      }
      return errors > 0 ? 1 : 0;
    }
    // The document and Excel commands are loaded when used: exceljs alone takes half a second to
    // load, which --help, score and check need not pay.
    case 'new': {
      const args = parseArgs(rest, { valued: ['--unit', '--year', '--layout'] });
      const { newDocument } = await import('./document-commands');
      return newDocument(single(args.positional, 'new'), args.options, io);
    }
    case 'import': {
      const args = parseArgs(rest, { valued: ['--into'] });
      const { importForms } = await import('./document-commands');
      return importForms(single(args.positional, 'import'), args.options.get('--into'), io);
    }
    case 'import-targets': {
      const args = parseArgs(rest, { valued: ['--into'] });
      const { importTargets } = await import('./targets-command');
      return importTargets(single(args.positional, 'import-targets'), args.options.get('--into'), io);
    }
    case 'export': {
      const args = parseArgs(rest, { valued: ['--out', '--form'], flags: ['--draft', '--review'] });
      const { exportExcel } = await import('./excel-commands');
      return exportExcel(single(args.positional, 'export'), args.options, args.flags, io);
    }
    case 'export-json': {
      const args = parseArgs(rest, { valued: ['--out'] });
      const { exportJson } = await import('./document-commands');
      return exportJson(single(args.positional, 'export-json'), args.options.get('--out'), io);
    }
    case 'report': {
      const args = parseArgs(rest, { valued: ['--out'] });
      const { writeReport } = await import('./report-command');
      return writeReport(single(args.positional, 'report'), args.options.get('--out'), io);
    }
    case 'pdf': {
      const args = parseArgs(rest, { valued: ['--out', '--form', '--forms', '--chromium'] });
      const { writePdf } = await import('./pdf-command');
      return writePdf(single(args.positional, 'pdf'), args.options, io);
    }
    case 'rebuild': {
      const args = parseArgs(rest, { valued: ['--out'] });
      const { rebuildDocument } = await import('./document-commands');
      return rebuildDocument(single(args.positional, 'rebuild'), args.options.get('--out'), io);
    }
    case 'summary': {
      const args = parseArgs(rest, { valued: ['--out', '--format'], flags: ['--json'] });
      const { summaryCommand } = await import('./summary-command');
      return summaryCommand(args.positional, args.options, args.flags.has('--json'), io);
    }
    case 'rollover': {
      const args = parseArgs(rest, { valued: ['--out'] });
      const { rolloverCommand } = await import('./rollover-command');
      return rolloverCommand(single(args.positional, 'rollover'), args.options.get('--out'), io);
    }
    default:
      throw new CliError(
        `不认识的命令“${command}”：可用命令为 score、check、new、import、import-targets、export、export-json、report、pdf、rebuild、rollover、summary，运行 ziping --help 查看用法`,
      );
  }
}

function single(positional: string[], command: string): string | undefined {
  if (positional.length > 1)
    throw new CliError(`${command} 只需要一个文件，多了：${positional.slice(1).join(' ')}`);
  return positional[0];
}
