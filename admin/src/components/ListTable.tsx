import { Th, VisuallyHidden } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';

export interface ListHeader {
  name: string;
  label: string;
  /** Strapi's Table writes `sort=name:ASC|DESC` to the URL when the header is clicked. */
  sortable?: boolean;
}

interface ListTableProps {
  rows: Array<{ documentId: string }>;
  headers: ListHeader[];
  /** A column before the headers, e.g. the page's select-all checkbox. */
  leading?: { label: string; cell: React.ReactNode };
  /** Names the row actions' column (for screen readers; it has no visible title). */
  actionsLabel: string;
  isLoading: boolean;
  loadingText: string;
  emptyContent: string;
  emptyAction?: React.ReactNode;
  /** The rows (Table.Row), actions cell last. */
  children: React.ReactNode;
}

/** Strapi's Table as the plugin's lists use it: headers, an actions column, the loading and empty rows. */
export const ListTable = ({ rows, headers, leading, actionsLabel, isLoading, loadingText, emptyContent, emptyAction, children }: ListTableProps) => {
  // Counted in colCount so the loading and empty rows span the leading and actions columns too.
  const allHeaders = [
    ...(leading ? [{ name: 'leading', label: leading.label, sortable: false }] : []),
    ...headers.map((h) => ({ ...h, sortable: !!h.sortable })),
    { name: 'actions', label: actionsLabel, sortable: false },
  ];
  return (
    <Table.Root rows={rows.map((r) => ({ ...r, id: r.documentId }))} headers={allHeaders} isLoading={isLoading}>
      <Table.Content>
        <Table.Head>
          {leading && <Th>{leading.cell}</Th>}
          {headers.map((header) => (
            <Table.HeaderCell key={header.name} {...header} sortable={!!header.sortable} />
          ))}
          <Th>
            <VisuallyHidden>{actionsLabel}</VisuallyHidden>
          </Th>
        </Table.Head>
        <Table.Loading>{loadingText}</Table.Loading>
        <Table.Empty action={emptyAction} content={emptyContent} />
        <Table.Body>{children}</Table.Body>
      </Table.Content>
    </Table.Root>
  );
};
