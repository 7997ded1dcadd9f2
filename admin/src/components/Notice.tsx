import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, Information, WarningCircle } from '@strapi/icons';

type NoticeVariant = 'default' | 'success' | 'warning' | 'danger';

const COLORS: Record<NoticeVariant, { background: string; border: string; icon: string }> = {
  default: { background: 'primary100', border: 'primary200', icon: 'primary600' },
  success: { background: 'success100', border: 'success200', icon: 'success600' },
  warning: { background: 'warning100', border: 'warning200', icon: 'warning600' },
  danger: { background: 'danger100', border: 'danger200', icon: 'danger600' },
};

interface NoticeProps {
  variant?: NoticeVariant;
  title?: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
  'data-testid'?: string;
}

/**
 * A message that stays on the page (the Design System's Alert always draws a
 * close button, and its role="status" would read like a toast).
 */
export const Notice = ({ variant = 'default', title, children, action, ...rest }: NoticeProps) => {
  const c = COLORS[variant];
  const Icon = variant === 'success' ? CheckCircle : variant === 'default' ? Information : WarningCircle;
  return (
    <Box background={c.background} borderColor={c.border} hasRadius padding={4} data-testid={rest['data-testid']}>
      <Flex gap={3} alignItems="flex-start">
        <Box color={c.icon} paddingTop="2px">
          <Icon width="1.6rem" height="1.6rem" fill="currentColor" aria-hidden />
        </Box>
        <Flex direction="column" alignItems="flex-start" gap={1} flex="1">
          {title && (
            <Typography fontWeight="bold" textColor="neutral800">
              {title}
            </Typography>
          )}
          {children && (
            <Typography tag="div" textColor="neutral800">
              {children}
            </Typography>
          )}
          {action && <Box paddingTop={2}>{action}</Box>}
        </Flex>
      </Flex>
    </Box>
  );
};
