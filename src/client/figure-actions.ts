/**
 * Copy buttons for the figures' link and embed code. The fields are in the HTML and selectable
 * without JavaScript; this only reveals the buttons and confirms a copy.
 */
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
