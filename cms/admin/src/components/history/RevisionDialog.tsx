import type { RevisionRow } from '@lessons/shared';
import { Box, Button, Dialog, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { ConfirmDialog, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { errorMessage } from '../../api/errors';
import { useHistoryApi, useRevision } from '../../api/history';
import { useT } from '../../translations';
import { TranscriptChanges } from './TranscriptChanges';

interface RevisionDialogProps {
  revision: RevisionRow | null;
  /** The newest revision is the transcript as it is: there is nothing to revert to. */
  isCurrent: boolean;
  /** Reverting would throw away what the editor has typed and not saved. */
  hasUnsavedChanges: boolean;
  onClose: () => void;
  onReverted: (published: boolean) => void;
}

/** One revision: what it changed from the one before, and "Revert to this version". */
export function RevisionDialog({
  revision,
  isCurrent,
  hasUnsavedChanges,
  onClose,
  onReverted,
}: RevisionDialogProps) {
  const t = useT();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useHistoryApi();
  const detail = useRevision(revision?.id ?? null);
  const [confirming, setConfirming] = React.useState(false);
  const [reverting, setReverting] = React.useState(false);

  const revert = async () => {
    if (!revision) return;
    setConfirming(false);
    setReverting(true);
    try {
      const result = await api.revert(revision.id);
      toggleNotification({
        type: 'success',
        message: t(result.published ? 'history.revert.donePublished' : 'history.revert.done'),
      });
      onReverted(result.published);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error, t('history.revert.failed')) });
    } finally {
      setReverting(false);
    }
  };

  const when = revision ? formatDate(revision.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const data = detail.data && detail.data.id === revision?.id ? detail.data : null;
  return (
    <Modal.Root open={revision !== null} onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('history.dialog.title', { date: when })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {detail.error !== undefined ? (
            <Typography textColor="danger600">
              {errorMessage(detail.error, t('history.error.load'))}
            </Typography>
          ) : !data ? (
            <Flex justifyContent="center" padding={6}>
              <Loader small>{t('history.loading')}</Loader>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="pi" textColor="neutral600">
                {data.previous
                  ? t('history.dialog.against', {
                      date: formatDate(data.previous.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    })
                  : t('history.dialog.first')}
              </Typography>
              <TranscriptChanges before={data.previous?.transcript ?? null} after={data.transcript} />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.close')}</Button>
          </Modal.Close>
          {!isCurrent && (
            <Flex gap={3} alignItems="center">
              {hasUnsavedChanges && (
                <Box maxWidth="28rem">
                  <Typography variant="pi" textColor="warning600">
                    {t('history.revert.unsaved')}
                  </Typography>
                </Box>
              )}
              <Button
                variant="secondary"
                startIcon={<ArrowClockwise />}
                disabled={!data || hasUnsavedChanges}
                loading={reverting}
                onClick={() => setConfirming(true)}
              >
                {t('history.revert.button')}
              </Button>
            </Flex>
          )}
        </Modal.Footer>
      </Modal.Content>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <ConfirmDialog title={t('history.revert.confirm.title')} onConfirm={revert}>
          <Typography tag="p">{t('history.revert.confirm.body', { date: when })}</Typography>
        </ConfirmDialog>
      </Dialog.Root>
    </Modal.Root>
  );
}
