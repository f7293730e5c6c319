/** The layout's analysis texts (项目实施和预算执行情况 …), plus any other kept from an import. */
import { analysisPrompt } from '../../../shared/layouts/definitions';
import { analysisEntries } from '../../../shared/layouts/analysis-titles';
import type { Form } from '../../../shared/model/types';
import { useEditor } from './EditorContext';
import { TextField } from './TextField';

export function AnalysisBlock({ form }: { form: Form }) {
  const { store } = useEditor();
  const layout = store.layout;
  // A text kept under a variant title (an import's “一、…：”) shows in its official row.
  const all = analysisEntries(form.analysis, layout.kinds[form.kind].analysisTitles);
  if (all.length === 0) return null;
  // 002's captions: the first is the block's, the inner ones head the titles they group.
  const [outer, ...inner] = layout.kinds[form.kind].analysisCaptions ?? [];
  const heading = outer?.caption ?? (form.kind === 'department' ? '自评报告' : '项目绩效分析');
  return (
    <section className="form-section analysis-block" aria-label="分析说明">
      <h2 className="section-title">{heading}</h2>
      {all.map(({ title, text, keys }, i) => [
        ...inner
          .filter((c) => c.from === i)
          .map((c) => (
            <div key={`caption-${c.caption}`} className="analysis-caption">
              {c.caption}
            </div>
          )),
        <label key={title} className="analysis-item">
          <span className="analysis-title">
            {i + 1}. {title}
          </span>
          <TextField
            multiline
            value={text}
            onCommit={(value) =>
              // The edited text goes under the official title; the variants it showed are folded in.
              store.apply([
                { op: 'setAnalysis', formId: form.id, key: title, value: value === '' ? null : value },
                ...keys
                  .filter((k) => k !== title)
                  .map((k) => ({ op: 'setAnalysis' as const, formId: form.id, key: k, value: null })),
              ])
            }
            readOnly={store.readOnly}
            placeholder={analysisPrompt(layout.kinds[form.kind], title, form.year) ?? undefined}
            className="long-text"
            testId={`analysis-${i}`}
            focusKey={`analysis:${title}`}
          />
        </label>,
      ])}
    </section>
  );
}
