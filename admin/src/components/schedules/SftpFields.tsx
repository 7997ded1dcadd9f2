import { Grid } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { NumberFieldInput } from '../field-inputs/NumberFieldInput';
import { TextFieldInput } from '../field-inputs/TextFieldInput';
import { FormItem } from '../FormItem';
import { RadioField } from '../RadioField';
import { isSecretSet, type SftpAuth, type SftpForm } from './scheduleModel';
import { SecretInput } from './SecretInput';
import type { SecretFieldsProps } from './useScheduleForm';

interface SftpFieldsProps extends SecretFieldsProps {
  value: SftpForm;
  onChange: (value: SftpForm) => void;
  /** Where in the API body these fields are ("source", "destination"), to show the server's errors beside them. */
  path: string;
}

/** An SFTP server: host, port, user, a password or a private key (+ passphrase), the host key pin. */
export const SftpFields = ({ value, onChange, secrets, onSecret, flags, errors, path }: SftpFieldsProps) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const set = <K extends keyof SftpForm>(key: K, v: SftpForm[K]) => onChange({ ...value, [key]: v });
  return (
    <Grid.Root gap={4}>
      <FormItem>
        <TextFieldInput name={`${path}.host`} label={t('schedules.sftp.host', 'Host')} required value={value.host} error={errors[`${path}.host`]} placeholder="sftp.example.com" onChange={(v) => set('host', v)} />
      </FormItem>
      <FormItem>
        <NumberFieldInput name={`${path}.port`} label={t('schedules.sftp.port', 'Port')} integer value={value.port} error={errors[`${path}.port`]} onChange={(v) => set('port', v)} />
      </FormItem>
      <FormItem>
        <TextFieldInput name={`${path}.username`} label={t('schedules.sftp.username', 'User')} required value={value.username} error={errors[`${path}.username`]} onChange={(v) => set('username', v)} />
      </FormItem>
      <FormItem>
        <RadioField<SftpAuth>
          name={`${path}.auth`}
          label={t('schedules.sftp.auth', 'Log in with')}
          inline
          value={value.auth}
          onChange={(v) => set('auth', v)}
          choices={[
            { value: 'password', label: t('schedules.sftp.auth.password', 'A password') },
            { value: 'key', label: t('schedules.sftp.auth.key', 'A private key') },
          ]}
        />
      </FormItem>
      {value.auth === 'password' ? (
        <FormItem>
          <SecretInput name="password" label={t('schedules.secret.password', 'Password')} required isSet={isSecretSet(flags, 'password')} state={secrets.password} onChange={(s) => onSecret('password', s)} />
        </FormItem>
      ) : (
        <>
          <FormItem full>
            <SecretInput
              name="privateKey"
              label={t('schedules.secret.privateKey', 'Private key')}
              hint={t('schedules.secret.privateKey.hint', 'OpenSSH or PEM, starting with -----BEGIN')}
              multiline
              required
              isSet={isSecretSet(flags, 'privateKey')}
              state={secrets.privateKey}
              onChange={(s) => onSecret('privateKey', s)}
            />
          </FormItem>
          <FormItem>
            <SecretInput
              name="passphrase"
              label={t('schedules.secret.passphrase', 'Passphrase')}
              hint={t('schedules.secret.passphrase.hint', 'Only if the key is encrypted')}
              isSet={isSecretSet(flags, 'passphrase')}
              state={secrets.passphrase}
              onChange={(s) => onSecret('passphrase', s)}
            />
          </FormItem>
        </>
      )}
      <FormItem full>
        <TextFieldInput
          name={`${path}.hostFingerprint`}
          label={t('schedules.sftp.fingerprint', 'Host key fingerprint')}
          hint={t('schedules.sftp.fingerprint.hint', 'SHA256:…, as ssh-keygen -lf prints it; the connection test shows the server’s. Empty: any host key is accepted.')}
          value={value.hostFingerprint}
          error={errors[`${path}.hostFingerprint`]}
          onChange={(v) => set('hostFingerprint', v)}
        />
      </FormItem>
    </Grid.Root>
  );
};
