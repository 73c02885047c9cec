// Phone menu toggle, and the CSRF token on every htmx request.
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.menu-toggle');
  const nav = document.getElementById('nav');
  if (toggle && nav) {
    toggle.addEventListener('click', () => {
      const open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', (event) => {
      event.detail.headers[header.content] = token.content;
    });
  }
});

// Pickers (templates/picker.html): a chosen option becomes the hidden field's value (or joins
// the values of a multiple picker) and a chip with its name; a chip's × takes it out again.
(() => {
  const chip = (picker, value, label, detail) => {
    const span = document.createElement('span');
    span.className = 'picker-chip';
    span.dataset.value = value;
    const name = document.createElement('span');
    name.className = 'picker-label';
    name.textContent = label;
    const small = document.createElement('small');
    small.textContent = detail || '';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'picker-remove';
    remove.setAttribute('aria-label', picker.dataset.removeLabel || '×');
    remove.textContent = '×';
    span.append(name, ' ', small, ' ', remove);
    return span;
  };
  const values = (hidden) => hidden.value.split(',').map((v) => v.trim()).filter((v) => v);
  const choose = (option) => {
    const picker = option.closest('.picker');
    const hidden = picker.querySelector('.picker-value');
    const chosen = picker.querySelector('.picker-chosen');
    const value = option.dataset.value;
    if (picker.dataset.multiple === 'true') {
      const now = values(hidden);
      if (!now.includes(value)) {
        now.push(value);
        chosen.append(chip(picker, value, option.dataset.label, option.dataset.detail));
      }
      hidden.value = now.join(',');
    } else {
      hidden.value = value;
      chosen.replaceChildren(chip(picker, value, option.dataset.label, option.dataset.detail));
    }
    picker.querySelector('.picker-options').replaceChildren();
    const search = picker.querySelector('.picker-q');
    search.value = '';
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const unchoose = (remove) => {
    const picker = remove.closest('.picker');
    const hidden = picker.querySelector('.picker-value');
    const gone = remove.closest('.picker-chip');
    hidden.value = values(hidden).filter((v) => v !== gone.dataset.value).join(',');
    gone.remove();
    hidden.dispatchEvent(new Event('change', { bubbles: true }));
  };
  document.addEventListener('click', (event) => {
    const option = event.target.closest('.picker-option');
    if (option) {
      choose(option);
      return;
    }
    const remove = event.target.closest('.picker-remove');
    if (remove) {
      unchoose(remove);
    }
  });
})();

// The visit form: 外出去向 appears only for a resident marked 外出 (AWAY).
document.addEventListener('change', (event) => {
  const radio = event.target;
  if (radio.type !== 'radio' || !radio.name.endsWith('.status')) {
    return;
  }
  const away = radio.closest('fieldset.resident')?.querySelector('.away-field');
  if (away) {
    away.hidden = radio.value !== 'AWAY';
  }
});

// A copy button (data-copy names the element whose text it copies): the reminder a township
// pastes into its work group.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  const source = button && document.getElementById(button.dataset.copy);
  if (!source) {
    return;
  }
  source.select();
  const done = () => { button.textContent = button.dataset.copied || button.textContent; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(source.value).then(done, () => document.execCommand('copy') && done());
  } else if (document.execCommand('copy')) {
    done();
  }
});
