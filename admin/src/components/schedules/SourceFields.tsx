import { Flex, Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { SourceKind } from '../../../../shared/schedules';
import { getTranslation } from '../../utils/getTranslation';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormItem } from '../FormItem';
import { RadioField } from '../RadioField';
import { isSecretSet } from './scheduleModel';
import { SecretInput } from './SecretInput';
import { SftpFields } from './SftpFields';
import type { SourceForm, UrlAuth } from './sourceModel';
import type { SecretFieldsProps } from './useScheduleForm';

interface SourceFieldsProps extends SecretFieldsProps {
  value: SourceForm;
  onChange: (value: SourceForm) => void;
}

/** Where a recurring import reads its file: an HTTPS URL (basic auth or one header) or an SFTP server (a path or a pattern). */
export const SourceFields = ({ value, onChange, secrets, onSecret, flags, errors }: SourceFieldsProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const set = <K extends keyof SourceForm>(key: K, v: SourceForm[K]) => onChange({ ...value, [key]: v });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <RadioField<SourceKind>
        name="source.kind"
        label={t('schedules.source.kind', 'Source')}
        inline
        value={value.kind}
        onChange={(v) => set('kind', v)}
        choices={[
          { value: 'url', label: t('schedules.source.kind.url', 'HTTPS URL') },
          { value: 'sftp', label: t('schedules.source.kind.sftp', 'SFTP server') },
        ]}
      />
      {value.kind === 'url' ? (
        <Grid.Root gap={4}>
          <FormItem full>
            <TextFieldInput
              name="source.url"
              type="url"
              label={t('schedules.source.url', 'URL of the file')}
              required
              placeholder="https://shop.example.com/exports/contacts.csv"
              value={value.url}
              error={errors['source.url']}
              onChange={(v) => set('url', v)}
            />
          </FormItem>
          <FormItem full>
            <RadioField<UrlAuth>
              name="source.auth"
              label={t('schedules.source.auth', 'Authentication')}
              inline
              value={value.urlAuth}
              onChange={(v) => set('urlAuth', v)}
              choices={[
                { value: 'none', label: t('schedules.source.auth.none', 'None') },
                { value: 'basic', label: t('schedules.source.auth.basic', 'User and password') },
                { value: 'header', label: t('schedules.source.auth.header', 'A header') },
              ]}
            />
          </FormItem>
          {value.urlAuth === 'basic' && (
            <>
              <FormItem>
                <TextFieldInput name="source.username" label={t('schedules.source.username', 'User')} required value={value.username} error={errors['source.username']} onChange={(v) => set('username', v)} />
              </FormItem>
              <FormItem>
                <SecretInput name="password" label={t('schedules.secret.password', 'Password')} required isSet={isSecretSet(flags, 'password')} state={secrets.password} onChange={(s) => onSecret('password', s)} />
              </FormItem>
            </>
          )}
          {value.urlAuth === 'header' && (
            <>
              <FormItem>
                <TextFieldInput name="source.headerName" label={t('schedules.source.headerName', 'Header name')} required placeholder="X-Api-Key" value={value.headerName} error={errors['source.headerName']} onChange={(v) => set('headerName', v)} />
              </FormItem>
              <FormItem>
                <SecretInput name="headerValue" label={t('schedules.secret.headerValue', 'Header value')} required isSet={isSecretSet(flags, 'headerValue')} state={secrets.headerValue} onChange={(s) => onSecret('headerValue', s)} />
              </FormItem>
            </>
          )}
        </Grid.Root>
      ) : (
        <>
          <SftpFields value={value.sftp} onChange={(sftp) => set('sftp', sftp)} secrets={secrets} onSecret={onSecret} flags={flags} errors={errors} path="source" />
          <TextFieldInput
            name="source.path"
            label={t('schedules.source.path', 'File or pattern')}
            hint={t('schedules.source.path.hint', 'An absolute path; a * or ? in the file name picks the newest matching file, e.g. /exports/contacts-*.csv')}
            required
            placeholder="/exports/contacts-*.csv"
            value={value.path}
            error={errors['source.path']}
            onChange={(v) => set('path', v)}
          />
        </>
      )}
    </Flex>
  );
};
