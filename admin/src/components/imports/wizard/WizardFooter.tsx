import { Button, Flex } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../utils/getTranslation';

interface WizardFooterProps {
  onBack?: () => void;
  backLabel?: string;
  onNext?: () => void;
  nextLabel?: string;
  nextIcon?: React.ReactNode;
  nextDisabled?: boolean;
  isLoading?: boolean;
  /** Shown beside Next, e.g. why it is disabled. */
  children?: React.ReactNode;
}

export const WizardFooter = ({
  onBack,
  backLabel,
  onNext,
  nextLabel,
  nextIcon,
  nextDisabled,
  isLoading,
  children,
}: WizardFooterProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex justifyContent="space-between" alignItems="center" gap={4} paddingTop={2}>
      <div>
        {onBack && (
          <Button variant="tertiary" startIcon={<ArrowLeft />} onClick={onBack} disabled={isLoading}>
            {backLabel ?? formatMessage({ id: getTranslation('imports.wizard.back'), defaultMessage: 'Back' })}
          </Button>
        )}
      </div>
      <Flex gap={4} alignItems="center">
        {children}
        {onNext && (
          <Button
            endIcon={nextIcon ?? <ArrowRight />}
            onClick={onNext}
            disabled={nextDisabled}
            loading={isLoading}
            size="L"
            data-testid="wizard-next"
          >
            {nextLabel ?? formatMessage({ id: getTranslation('imports.wizard.next'), defaultMessage: 'Next' })}
          </Button>
        )}
      </Flex>
    </Flex>
  );
};
