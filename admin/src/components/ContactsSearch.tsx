import { useEffect, useRef, useState } from 'react';
import { Box, SearchForm, Searchbar } from '@strapi/design-system';
import { useDebounce, useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ContactsQuery } from '../types';
import { getTranslation } from '../utils/getTranslation';

/** Always-visible search box writing `_q` to the URL (debounced), back to page 1 on each change. */
export const ContactsSearch = () => {
  const { formatMessage } = useIntl();
  const [{ query }, setQuery] = useQueryParams<ContactsQuery>();
  const current = query._q ?? '';
  const [value, setValue] = useState(current);
  const debounced = useDebounce(value, 350);
  const applied = useRef(current);

  const apply = (next: string) => {
    if (next.trim() === current.trim()) return;
    applied.current = next.trim();
    // useQueryParams writes values unencoded; encode so "&" or "+" survive the round trip.
    if (next.trim()) setQuery(withEncodedUserParams(query, { _q: encodeURIComponent(next.trim()), page: '1' }), 'push', true);
    // qs drops undefined values, so this removes _q from the URL.
    else setQuery(withEncodedUserParams(query, { _q: undefined, page: '1' }), 'push', true);
  };

  // Follow the URL when it changes from elsewhere (back button, menu link), not when
  // it catches up with what this box applied: the person may have typed on since.
  useEffect(() => {
    if (current === applied.current) return;
    applied.current = current;
    setValue(current);
  }, [current]);

  useEffect(() => {
    apply(debounced);
    // Only a new debounced value should search; `current` changes because of apply itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const label = formatMessage({ id: getTranslation('list.search.label'), defaultMessage: 'Search contacts' });
  return (
    <Box width="40rem" maxWidth="100%">
      <SearchForm
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          apply(value);
        }}
      >
        <Searchbar
          name="_q"
          value={value}
          placeholder={formatMessage({
            id: getTranslation('list.search.placeholder'),
            defaultMessage: 'Search by e-mail, name, company or mobile',
          })}
          clearLabel={formatMessage({ id: getTranslation('form.clear'), defaultMessage: 'Clear' })}
          onClear={() => {
            setValue('');
            apply('');
          }}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
        >
          {label}
        </Searchbar>
      </SearchForm>
    </Box>
  );
};
