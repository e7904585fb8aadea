import { useI18n } from '../../i18n';
import type { FieldProblem } from '../../countries';

/** The error under a field; its id is what the input's aria-describedby points to. */
export function FieldMessage({ id, problem }: { id: string; problem: FieldProblem | undefined }) {
  const { t } = useI18n();
  if (!problem) return null;
  return (
    <p id={id} className="orw-error">
      {t(problem.key, problem.params)}
    </p>
  );
}
