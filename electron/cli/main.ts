/**
 * `ziping` command line. Exit codes (interchange.md): 0 success, 1 the file has errors
 * (`check`), 2 bad usage or unreadable input with a one-line Chinese message on stderr.
 */
import { getLayout } from '../../shared/layouts/definitions';
import { formReport, reportFinding } from '../../shared/report/score-report';
import { scoreForm } from '../../shared/scoring/form';
import { CliError, loadForms } from './load';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const USAGE = `用法：
  ziping score 文件.json [--pretty]   计算得分、总分和等级，输出 JSON
  ziping check 文件.json [--json]     审核，列出问题；有错误时退出码为 1
  ziping --help                       显示本说明`;

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
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const files = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'score':
    case 'check': {
      const known = command === 'score' ? ['--pretty'] : ['--json'];
      const unknown = [...flags].filter((f) => !known.includes(f));
      if (unknown.length > 0)
        throw new CliError(`不认识的选项 ${unknown.join(' ')}：运行 ziping --help 查看用法`);
      if (files.length !== 1)
        throw new CliError(`${command} 需要且只需要一个文件：ziping ${command} 文件.json`);
      const forms = await loadForms(files[0] as string);
      const scored = forms.map(({ layout, form }) => ({
        form,
        result: scoreForm(form, getLayout(layout), true),
      }));
      if (command === 'score') {
        const out = { forms: scored.map(({ form, result }) => formReport(form, result)) };
        io.stdout.write(`${JSON.stringify(out, null, flags.has('--pretty') ? 2 : undefined)}\n`);
        return 0;
      }
      const findings = scored.flatMap(({ form, result }) =>
        result.findings.map((f) => ({ form: form.projectName, ...reportFinding(f) })),
      );
      const errors = findings.filter((f) => f.level === 'error').length;
      if (flags.has('--json')) {
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
    default:
      throw new CliError(`不认识的命令“${command}”：可用命令为 score、check，运行 ziping --help 查看用法`);
  }
}
