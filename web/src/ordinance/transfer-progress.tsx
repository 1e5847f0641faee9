import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TransferProgress } from './ordinance-api';

/**
 * How far a request is: a bar with the share of the file sent, then an indeterminate bar with what the
 * server is doing (reading and checking, or writing), since it says nothing until it answers.
 */
export function TransferProgressBar({ progress, serverText }: { progress: TransferProgress; serverText: string }) {
  const { t } = useTranslation();
  const id = useId();
  const uploading = progress.phase === 'upload' && progress.total > 0;
  const percent = uploading ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  return (
    <div className="transfer-progress">
      <p id={id} role="status">
        {uploading ? t('ordinance.progress.upload', { percent }) : progress.phase === 'upload' ? t('ordinance.progress.sending') : serverText}
      </p>
      {uploading ? <progress aria-labelledby={id} max={100} value={percent} /> : <progress aria-labelledby={id} />}
    </div>
  );
}
