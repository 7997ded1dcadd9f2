import { Box, Flex, Typography } from '@strapi/design-system';

interface CardProps {
  title?: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  'data-testid'?: string;
}

/** A white panel with a title, like the content manager's edit view. */
export const Card = ({ title, description, actions, children, ...rest }: CardProps) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={rest['data-testid']}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {(title || actions) && (
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {title && (
              <Typography variant="delta" tag="h2">
                {title}
              </Typography>
            )}
            {description && (
              <Typography variant="pi" textColor="neutral600">
                {description}
              </Typography>
            )}
          </Flex>
          {actions && <Flex gap={2}>{actions}</Flex>}
        </Flex>
      )}
      {children}
    </Flex>
  </Box>
);
