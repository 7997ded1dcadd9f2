import { Box, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { getTranslation } from '../../../utils/getTranslation';
import { STEP_DEFAULT_LABELS, WIZARD_STEPS, type WizardStep } from './steps';

const StepButton = styled.button`
  background: none;
  border: none;
  padding: 0;
  cursor: pointer;
  &:disabled {
    cursor: default;
  }
`;

interface WizardStepsProps {
  current: WizardStep;
  /** Steps the person may jump back to (earlier ones while the import is a draft). */
  canOpen: (step: WizardStep) => boolean;
  onOpen: (step: WizardStep) => void;
}

/** 1 Source — 2 File format — 3 Options — 4 Mapping — 5 Preview — 6 Import. */
export const WizardSteps = ({ current, canOpen, onOpen }: WizardStepsProps) => {
  const { formatMessage } = useIntl();
  const currentIndex = WIZARD_STEPS.indexOf(current);
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" paddingTop={4} paddingBottom={4} paddingLeft={6} paddingRight={6}>
      <Flex
        tag="ol"
        gap={2}
        justifyContent="space-between"
        wrap="wrap"
        aria-label={formatMessage({ id: getTranslation('imports.wizard.steps'), defaultMessage: 'Import steps' })}
      >
        {WIZARD_STEPS.map((step, index) => {
          const done = index < currentIndex;
          const active = index === currentIndex;
          const label = formatMessage({ id: getTranslation(`imports.step.${step}`), defaultMessage: STEP_DEFAULT_LABELS[step] });
          return (
            <Flex
              tag="li"
              key={step}
              gap={2}
              alignItems="center"
              flex="1"
              minWidth="12rem"
              aria-current={active ? 'step' : undefined}
              data-testid={`wizard-step-${step}`}
            >
              <StepButton type="button" disabled={active || !canOpen(step)} onClick={() => onOpen(step)}>
                <Flex gap={2} alignItems="center">
                  <Flex
                    width="2.8rem"
                    height="2.8rem"
                    justifyContent="center"
                    alignItems="center"
                    hasRadius
                    style={{ borderRadius: '50%' }}
                    background={active ? 'primary600' : done ? 'success100' : 'neutral150'}
                    borderColor={done ? 'success200' : undefined}
                  >
                    {done ? (
                      <Check fill="success600" width="1.4rem" height="1.4rem" />
                    ) : (
                      <Typography variant="pi" fontWeight="bold" textColor={active ? 'neutral0' : 'neutral600'}>
                        {index + 1}
                      </Typography>
                    )}
                  </Flex>
                  <Typography
                    variant="omega"
                    fontWeight={active ? 'bold' : 'regular'}
                    textColor={active ? 'primary600' : done ? 'neutral800' : 'neutral600'}
                  >
                    {label}
                  </Typography>
                </Flex>
              </StepButton>
            </Flex>
          );
        })}
      </Flex>
    </Box>
  );
};
