import { useCallback, useEffect, useState } from 'react';

/**
 * Rows picked on the list page, or every result of the search (`all`).
 * A new search, page or sort starts with nothing selected: a selection
 * always names contacts the person can see.
 */
export const useContactSelection = (pageIds: string[], resetKey: string) => {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [all, setAll] = useState(false);

  useEffect(() => {
    setSelected(new Set());
    setAll(false);
  }, [resetKey]);

  const toggle = useCallback((id: string) => {
    setAll(false);
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const pageSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const togglePage = useCallback(() => {
    setAll(false);
    setSelected(pageSelected ? new Set() : new Set(pageIds));
  }, [pageIds, pageSelected]);

  const selectAll = useCallback(() => {
    setSelected(new Set(pageIds));
    setAll(true);
  }, [pageIds]);

  const clear = useCallback(() => {
    setSelected(new Set());
    setAll(false);
  }, []);

  return { selected, all, pageSelected, toggle, togglePage, selectAll, clear };
};

export type ContactSelection = ReturnType<typeof useContactSelection>;
