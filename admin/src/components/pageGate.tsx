import { Page } from '@strapi/strapi/admin';

/** What a list page shows instead of its content while the rights load, without the right, or when the list failed. */
export const pageGate = ({ isLoading, allowed, error, title }: { isLoading: boolean; allowed: boolean; error?: unknown; title: string }) => {
  if (isLoading) return <Page.Loading />;
  if (!allowed) return <Page.NoPermissions />;
  if (!error) return null;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Page.Error />
    </Page.Main>
  );
};
