/** Saves a Blob under `fileName` through a temporary object URL. */
export const saveBlob = (blob: Blob, fileName: string) => {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
};

/** The file name of a Content-Disposition header: the UTF-8 one (RFC 6266 `filename*`) before the ASCII fallback. */
export const fileNameFrom = (disposition: string | null | undefined, fallback: string) => {
  if (!disposition) return fallback;
  const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1].trim());
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
};

/**
 * A plain link would carry no admin token: the caller fetches with it (as a
 * Blob) and this saves the answer under the server's file name.
 */
export const saveResponse = (res: { data: Blob; headers?: { get: (name: string) => string | null } }, fallback: string) =>
  saveBlob(res.data, fileNameFrom(res.headers?.get('Content-Disposition'), fallback));
