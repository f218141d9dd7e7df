// Saves text as a file through the browser's download flow (no `downloads` permission needed): a Blob URL on a
// temporary <a download>. The URL is revoked later, once the browser has had time to read it.
export interface TextFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export function downloadText({ fileName, mimeType, text }: TextFile): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
