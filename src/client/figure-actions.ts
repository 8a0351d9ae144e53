/**
 * The figures' link and embed code, and their copy buttons. The fields are in the HTML and
 * selectable without JavaScript, written at build time with the site's address (SITE); here they
 * are rewritten to name the address the reader is actually on, so the code a blogger copies works
 * wherever the site is served, whatever SITE said. This also reveals the buttons and confirms a copy.
 */
if (/^https?:$/.test(location.protocol)) {
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-built-origin]')) {
    const built = field.dataset.builtOrigin ?? '';
    if (built && built !== location.origin) field.value = field.value.split(`${built}/`).join(`${location.origin}/`);
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy ?? '') as HTMLInputElement | HTMLTextAreaElement | null;
    const status = button.closest('details')?.querySelector('.copied');
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = `${button.textContent?.replace('Copy ', '') ?? 'Text'} copied.`;
    } catch {
      field.select();
      if (status) status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
    }
  });
}
