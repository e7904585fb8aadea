import { memo } from 'react';
import { useI18n } from '../../i18n';
import type { FieldProblem } from '../../countries';

interface FieldMessageProps {
  id: string;
  problem: FieldProblem | undefined;
}

/** The same message: a problem read back from the form is a new object on every render of its step. */
const sameMessage = (before: FieldMessageProps, after: FieldMessageProps) =>
  before.id === after.id && (before.problem === after.problem || JSON.stringify(before.problem) === JSON.stringify(after.problem));

/**
 * The error under a field; its id is what the input's aria-describedby points to. Rendered again
 * only when its message changes, not on every key typed in its step.
 */
export const FieldMessage = memo(function FieldMessage({ id, problem }: FieldMessageProps) {
  const { t } = useI18n();
  if (!problem) return null;
  return (
    <p id={id} className="orw-error">
      {t(problem.key, problem.params)}
    </p>
  );
}, sameMessage);
