import { Grid } from '@strapi/design-system';

/** One input in a FormSection grid: half a row on wide screens, a full row on small ones. */
export const FormItem = ({ children, full }: { children: React.ReactNode; full?: boolean }) => (
  <Grid.Item col={full ? 12 : 6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);
