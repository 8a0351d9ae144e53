/**
 * The claim ledger's links to one verdict or section (/claims/#verdict-differs, #section-trade):
 * with JavaScript the filter's own radio button is set, so the filters say what is shown (without
 * it, CSS :target rules on the page filter instead).
 */
const ledger = document.querySelector<HTMLElement>('.ledger');
if (ledger) {
  ledger.classList.add('js');
  const apply = () => {
    const m = /^#(verdict|section)-([a-z-]+)$/.exec(location.hash);
    if (!m) return;
    const radio = document.getElementById(`f-${m[1] === 'verdict' ? 'v' : 's'}-${m[2]}`);
    if (radio instanceof HTMLInputElement) {
      radio.checked = true;
      ledger.scrollIntoView();
    }
  };
  apply();
  addEventListener('hashchange', apply);
}
