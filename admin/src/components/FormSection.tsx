import { Box, Flex, Grid, Typography } from '@strapi/design-system';

interface FormSectionProps {
  title: string;
  description?: string;
  children: React.ReactNode;
}

/** A white card with a title and a two-column grid, like the content manager's edit view. */
export const FormSection = ({ title, description, children }: FormSectionProps) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {description && (
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        )}
      </Flex>
      <Grid.Root gap={5}>{children}</Grid.Root>
    </Flex>
  </Box>
);
