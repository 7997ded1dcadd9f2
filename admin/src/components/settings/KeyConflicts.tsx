import { useEffect, useState } from 'react';
import { Box, Flex, Link, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { useApiErrorNotification } from '../../hooks/useApiErrorNotification';
import { useSettingsApi } from '../../hooks/useSettingsApi';
import type { BaseSettings, KeyConflict, Pagination } from '../../types';
import { contactDisplayName } from '../../utils/contactForm';
import { getTranslation } from '../../utils/getTranslation';
import { contactPath } from '../../utils/paths';
import { Pager } from '../Pager';

interface KeyConflictsProps {
  uniqueKey: BaseSettings['uniqueKey'];
  /** Changes when the list should be read again (after "Check again"). */
  version: number;
}

/** The values several contacts share, each with its contacts linked to their edit page. */
export const KeyConflicts = ({ uniqueKey, version }: KeyConflictsProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const api = useSettingsApi();
  const notifyError = useApiErrorNotification();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<{ rows: KeyConflict[]; pagination?: Pagination; isLoading: boolean }>({
    rows: [],
    isLoading: true,
  });
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  useEffect(() => setPage(1), [uniqueKey, version]);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, isLoading: true }));
    api
      .conflicts(uniqueKey, page)
      .then((body) => current && setState({ rows: body.data, pagination: body.meta.pagination, isLoading: false }))
      .catch((error) => {
        if (!current) return;
        notifyError(error);
        setState({ rows: [], isLoading: false });
      });
    return () => {
      current = false;
    };
  }, [api, notifyError, page, uniqueKey, version]);

  if (state.isLoading && !state.rows.length) {
    return (
      <Flex justifyContent="center" padding={6}>
        <Loader small>{t('settings.conflicts.loading', 'Listing the contacts that share a value…')}</Loader>
      </Flex>
    );
  }
  if (!state.rows.length) {
    return (
      <Typography textColor="neutral600" data-testid="key-conflicts-none">
        {t('settings.conflicts.none', 'No contacts share a value any more: try the change again.')}
      </Typography>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box overflow="auto" data-testid="key-conflicts">
        <Table colCount={2} rowCount={state.rows.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">
                  {uniqueKey === 'email'
                    ? t('settings.conflicts.value.email', 'Shared e-mail address')
                    : t('settings.conflicts.value.mobile', 'Shared mobile number')}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('settings.conflicts.contacts', 'Contacts')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {state.rows.map((row) => (
              <Tr key={row.value} data-testid="key-conflict-row">
                <Td style={{ verticalAlign: 'top' }}>
                  <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                    <Typography fontWeight="semiBold" textColor="neutral800">
                      {row.value}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {t('settings.conflicts.count', '{count, plural, one {# contact} other {# contacts}}', {
                        count: row.count,
                      })}
                    </Typography>
                  </Flex>
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                    {row.contacts.map((c) => (
                      <Flex tag="li" key={c.documentId} direction="column" alignItems="flex-start">
                        <Link tag={RouterLink} to={contactPath(c.documentId)}>
                          {contactDisplayName(c) || c.documentId}
                        </Link>
                        <Typography variant="pi" textColor="neutral600">
                          {[c.email, c.mobile].filter(Boolean).join(' · ')}
                        </Typography>
                      </Flex>
                    ))}
                    {row.count > row.contacts.length && (
                      <Typography variant="pi" textColor="neutral600">
                        {t('settings.conflicts.more', 'and {count} more', {
                          count: formatNumber(row.count - row.contacts.length),
                        })}
                      </Typography>
                    )}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
      {state.pagination && <Pager pagination={state.pagination} onPage={setPage} disabled={state.isLoading} />}
    </Flex>
  );
};
