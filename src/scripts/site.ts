// Every page's behaviour, one cached file instead of the same script inlined
// into each of thousands of pages.

// The feature tree of the nav is one file for the whole site; open this page's
// branch in it. Without scripts the nav keeps its top links.
function loadNavTree(): void {
  const slot = document.querySelector<HTMLElement>('.nav-tree-slot');
  if (!slot?.dataset.navSrc) return;
  const open = new Set((slot.dataset.navOpen ?? '').split(' ').filter(Boolean));
  fetch(slot.dataset.navSrc)
    .then((r) => (r.ok ? r.text() : ''))
    .then((html) => {
      slot.innerHTML = html;
      for (const li of slot.querySelectorAll<HTMLElement>('li[data-slug]')) {
        if (open.has(li.dataset.slug ?? '')) li.classList.add('is-active');
        if (li.dataset.slug === slot.dataset.navCurrent) li.firstElementChild?.setAttribute('aria-current', 'page');
      }
    })
    .catch(() => {});
}

// Phones: the side nav folds behind the menu button (only when scripts run:
// the `has-menu` class set in <head> is what hides it).
function wireMenuButton(): void {
  const button = document.querySelector<HTMLButtonElement>('.menu-toggle');
  if (!button) return;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    document.documentElement.classList.toggle('menu-open', open);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      button.click();
      button.focus();
    }
  });
}

// "Copy" buttons (the unexplained failures' defect files): shown only where the clipboard can be written.
function wireCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.copy-button')) {
    button.hidden = !navigator.clipboard;
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy ?? '')?.textContent ?? '';
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    });
  }
}

// Pages the generator renders share one frame, built for no page in particular:
// the side nav's link to this page is marked here.
function markCurrentNavLink(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.sidebar-nav .nav-top > li > a')];
  if (links.some((a) => a.hasAttribute('aria-current'))) return;
  links.find((a) => a.pathname === location.pathname)?.setAttribute('aria-current', 'page');
}

loadNavTree();
wireMenuButton();
wireCopyButtons();
markCurrentNavLink();
