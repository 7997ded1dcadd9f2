import { useState } from 'react';
import { Badge, Box, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { useContactHistory } from '../hooks/useContactHistory';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { getTranslation } from '../utils/getTranslation';
import { importPath } from '../utils/paths';
import { Pager } from './Pager';

/** Which imports created or updated this contact, newest first, each linking to its import. */
export const ContactHistorySection = ({ documentId }: { documentId: string }) => {
  const { formatMessage, formatDate } = useIntl();
  const imports = useImportPermissions();
  const [page, setPage] = useState(1);
  const { entries, pagination, isLoading, error } = useContactHistory(documentId, page);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      paddingTop={6}
      paddingBottom={6}
      paddingLeft={7}
      paddingRight={7}
      data-testid="contact-history"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {t('history.title', 'History')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('history.description', 'Imports that created or updated this contact, newest first.')}
          </Typography>
        </Flex>
        {isLoading && !entries.length ? (
          <Loader small>{t('history.loading', 'Loading the history…')}</Loader>
        ) : error ? (
          <Typography textColor="danger600">{t('history.error', 'The history could not be loaded.')}</Typography>
        ) : entries.length === 0 ? (
          <Typography textColor="neutral600" data-testid="contact-history-empty">
            {t('history.empty', 'No import has touched this contact.')}
          </Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
            {entries.map((entry, i) => {
              const name = entry.import?.name;
              return (
                <Flex
                  tag="li"
                  key={`${entry.at}-${i}`}
                  gap={3}
                  alignItems="center"
                  wrap="wrap"
                  data-testid="contact-history-entry"
                >
                  <Badge variant={entry.kind === 'import.created' ? 'success' : 'secondary'}>
                    {entry.kind === 'import.created' ? t('history.created', 'Created') : t('history.updated', 'Updated')}
                  </Badge>
                  <Typography textColor="neutral800">
                    {entry.import ? (
                      // The name links to the import's detail page for a role that may read imports.
                      t('history.byImport', 'by the import «{name}»', {
                        name: imports.canRead ? (
                          <Link key="link" tag={RouterLink} to={importPath(entry.import.documentId)}>
                            {name}
                          </Link>
                        ) : (
                          name
                        ),
                      })
                    ) : (
                      <em>{t('history.deletedImport', 'by a deleted import')}</em>
                    )}
                  </Typography>
                  {entry.at && (
                    <Typography variant="pi" textColor="neutral600">
                      {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                    </Typography>
                  )}
                </Flex>
              );
            })}
          </Flex>
        )}
        {pagination && <Pager pagination={pagination} onPage={setPage} disabled={isLoading} />}
      </Flex>
    </Box>
  );
};
