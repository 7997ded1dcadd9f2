import { IconButton } from '@strapi/design-system';
import { Link } from 'react-router-dom';

type RowActionProps = { label: string; icon: React.ReactNode } & ({ to: string } | { onClick: () => void });

/** An icon action of a list row (open, edit, delete…), named for screen readers and tests by its label. */
export const RowAction = (props: RowActionProps) =>
  'to' in props ? (
    <IconButton tag={Link} to={props.to} variant="ghost" withTooltip={false} label={props.label}>
      {props.icon}
    </IconButton>
  ) : (
    <IconButton variant="ghost" withTooltip={false} label={props.label} onClick={props.onClick}>
      {props.icon}
    </IconButton>
  );
