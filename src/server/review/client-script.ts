/**
 * The review screen's only script (served as a file: the CSP allows no inline script). Keyboard: J/K or the
 * arrow keys move to the next/previous document when no field has the focus; Esc leaves a field; Enter in
 * a field submits the form natively (confirm), and on the class list too. Focusing a field highlights the box of the words it came from.
 */
export const REVIEW_SCRIPT = `(() => {
  'use strict';
  const editing = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA');
  const go = (rel) => {
    const link = document.querySelector('a[data-nav="' + rel + '"]');
    if (link) window.location.assign(link.href);
  };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && editing(document.activeElement)) {
      document.activeElement.blur();
      return;
    }
    // Enter on the class list confirms too (a select does not submit its form by itself).
    const active = document.activeElement;
    if (event.key === 'Enter' && active && active.tagName === 'SELECT' && active.form) {
      event.preventDefault();
      active.form.requestSubmit();
      return;
    }
    if (editing(active)) return;
    const first = document.querySelector('a[data-primero]');
    if (event.key === 'j' || event.key === 'J' || event.key === 'ArrowDown') {
      if (first) { window.location.assign(first.href); event.preventDefault(); return; }
      go('next');
      event.preventDefault();
    } else if (event.key === 'k' || event.key === 'K' || event.key === 'ArrowUp') {
      go('prev');
      event.preventDefault();
    } else if ((event.key === 'c' || event.key === 'C') && document.getElementById('campo-clase')) {
      document.getElementById('campo-clase').focus();
      event.preventDefault();
    } else if (event.key === 'Enter' && first) {
      window.location.assign(first.href);
    }
  });
  const boxes = (field) => document.querySelectorAll('rect[data-campo="' + field + '"]');
  document.addEventListener('focusin', (event) => {
    const holder = event.target.closest && event.target.closest('[data-campo]');
    document.querySelectorAll('rect.activa').forEach((r) => r.classList.remove('activa'));
    if (!holder) return;
    boxes(holder.getAttribute('data-campo')).forEach((rect) => {
      rect.classList.add('activa');
      const figure = rect.closest('figure');
      if (figure && figure.scrollIntoView) {
        const svg = rect.ownerSVGElement;
        const box = svg.viewBox.baseVal;
        const scale = svg.getBoundingClientRect().height / box.height;
        const pane = figure.parentElement;
        const top = figure.offsetTop + rect.y.baseVal.value * scale - pane.clientHeight / 3;
        pane.scrollTo({ top: Math.max(0, top), behavior: 'auto' });
      }
    });
  });
  // Start on the first field with an error, else the first one a review reason names, else the first doubtful
  // one, its text selected for typing over.
  const start =
    document.querySelector('[aria-invalid="true"]') ||
    document.querySelector('[data-motivo]') ||
    document.querySelector('[data-dudoso]');
  if (start && start.focus) {
    start.focus();
    // Mid-pane, clear of the confirm bar that stays at the bottom of the form.
    if (start.scrollIntoView) start.scrollIntoView({ block: 'center', inline: 'nearest' });
    if (start.select) start.select();
  }
  document.body.setAttribute('data-listo', '1');
})();
`;
