import { Pagination } from '@strapi/strapi/admin';
import type { Pagination as PaginationMeta } from '../types';

interface ListPaginationProps {
  pagination?: PaginationMeta;
  defaultPageSize: string;
  sizes: string[];
}

/** Page links and the page-size selector of a list (Strapi's, writing page and pageSize to the URL). */
export const ListPagination = ({ pagination, defaultPageSize, sizes }: ListPaginationProps) =>
  pagination && pagination.total > 0 ? (
    <Pagination.Root {...pagination} defaultPageSize={Number(defaultPageSize)}>
      <Pagination.PageSize options={sizes} />
      <Pagination.Links />
    </Pagination.Root>
  ) : null;
