// CDS Hooks cards as an EHR shows them: indicator (colour and words), summary, source, detail
// (Markdown, rendered safely), suggestions as buttons, links, and an override with its reasons.

import { h, replace } from '/ui/dom.js';
import { renderMarkdown, safeHref } from '/ui/markdown.js';

const INDICATORS = {
  info: { label: 'Info', icon: 'i' },
  warning: { label: 'Warning', icon: '!' },
  critical: { label: 'Critical', icon: '!!' },
};

/** Details longer than this start folded, with a button to unfold them. */
const FOLD_AT = 1600;

let nextId = 0;

/**
 * One card element.
 *
 * @param card the card as the service sent it
 * @param handlers {accept(card, suggestion): Promise<string>, override(card, reason, comment):
 *     Promise<string>}: each resolves with what was done, in words, or rejects with an Error
 */
export function renderCard(card, handlers) {
  const id = `card-${++nextId}`;
  const indicator = INDICATORS[card.indicator] ? card.indicator : 'info';
  const rule = card.source?.topic?.code;
  const status = h('div', { class: 'card__status', role: 'status' });
  const element = h('article', {
    class: `card card--${indicator}`,
    'aria-labelledby': `${id}-summary`,
    dataset: { rule: rule ?? '', uuid: card.uuid ?? '', indicator },
  });

  const badge = h('span', { class: `badge badge--${indicator}` },
    h('span', { 'aria-hidden': 'true' }, INDICATORS[indicator].icon),
    INDICATORS[indicator].label);
  element.append(h('div', { class: 'card__head' },
    badge,
    h('h3', { class: 'card__summary', id: `${id}-summary` }, text(card.summary) || '(no summary)')));

  element.append(source(card.source));

  if (text(card.detail)) {
    const detail = h('div', { class: 'card__detail markdown', id: `${id}-detail` });
    detail.append(renderMarkdown(card.detail, document));
    element.append(detail);
    if (card.detail.length > FOLD_AT) {
      detail.classList.add('is-collapsed');
      const toggle = h('button', {
        type: 'button', class: 'button button--quiet button--small card__detail-toggle',
        'aria-expanded': 'false', 'aria-controls': detail.id,
      }, 'Show the whole detail');
      toggle.addEventListener('click', () => {
        const open = detail.classList.toggle('is-collapsed') === false;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? 'Show less' : 'Show the whole detail';
      });
      element.append(toggle);
    }
  }

  const buttons = h('div', { class: 'card__suggestions' });
  let overrideForm = null;
  const done = (message, kind = 'ok') => {
    replace(status, h('p', { class: `note note--${kind}` }, message));
    if (kind === 'ok') {
      element.classList.add('is-done');
      buttons.remove();
      overrideForm?.remove();
    }
  };
  const busy = (on) => buttons.querySelectorAll('button').forEach((b) => { b.disabled = on; });

  for (const suggestion of Array.isArray(card.suggestions) ? card.suggestions : []) {
    const label = text(suggestion.label) || 'Apply the suggestion';
    const button = h('button', {
      type: 'button',
      class: `button ${suggestion.isRecommended ? 'button--primary' : 'button--secondary'}`,
      dataset: { suggestion: suggestion.uuid ?? '' },
    }, label, suggestion.isRecommended ? h('span', { class: 'visually-hidden' }, ' (recommended)') : null);
    button.addEventListener('click', async () => {
      busy(true);
      replace(status, h('p', { class: 'note' }, 'Applying…'));
      try {
        done(await handlers.accept(card, suggestion));
      } catch (e) {
        busy(false);
        done(e.message, 'error');
      }
    });
    buttons.append(button);
  }

  const overrideButton = h('button', {
    type: 'button', class: 'button button--quiet', 'aria-expanded': 'false', 'aria-controls': `${id}-override`,
  }, 'Override…');
  buttons.append(overrideButton);
  element.append(buttons);

  overrideButton.addEventListener('click', () => {
    if (overrideForm) {
      overrideForm.remove();
      overrideForm = null;
      overrideButton.setAttribute('aria-expanded', 'false');
      return;
    }
    overrideForm = overrideFields(card, id, {
      cancel: () => { overrideForm.remove(); overrideForm = null; overrideButton.setAttribute('aria-expanded', 'false'); overrideButton.focus(); },
      submit: async (reason, comment) => {
        busy(true);
        try {
          done(await handlers.override(card, reason, comment));
        } catch (e) {
          busy(false);
          done(e.message, 'error');
        }
      },
    });
    buttons.after(overrideForm);
    overrideButton.setAttribute('aria-expanded', 'true');
    overrideForm.querySelector('input')?.focus();
  });

  const links = (Array.isArray(card.links) ? card.links : [])
    .map((link) => ({ link, href: safeHref(link?.url) }))
    .filter(({ href }) => href);
  if (links.length) {
    element.append(h('ul', { class: 'card__links', 'aria-label': 'Links' },
      links.map(({ link, href }) => h('li', {},
        h('a', { href, target: '_blank', rel: 'noopener noreferrer' },
          text(link.label) || href,
          link.type === 'smart' ? ' (SMART app)' : '')))));
  }
  element.append(status);
  return element;
}

function source(src) {
  const parts = [];
  if (src && typeof src === 'object') {
    const label = text(src.label) || 'Unnamed source';
    const href = safeHref(src.url);
    parts.push(h('span', {}, 'Source: ',
      href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label) : label));
    if (src.topic?.code) parts.push(h('span', {}, 'Rule ', h('code', {}, text(src.topic.code))));
  }
  return h('p', { class: 'card__source' }, parts);
}

function overrideFields(card, id, { cancel, submit }) {
  const reasons = (Array.isArray(card.overrideReasons) ? card.overrideReasons : []).filter((r) => r && (r.code || r.display));
  const name = `${id}-reason`;
  const options = reasons.map((reason, i) => h('label', {},
    h('input', { type: 'radio', name, value: String(i), checked: i === 0 }),
    text(reason.display) || text(reason.code)));
  if (options.length === 0) {
    options.push(h('label', {}, h('input', { type: 'radio', name, value: '', checked: true }), 'No reason offered by the service'));
  }
  const comment = h('input', { type: 'text', id: `${id}-comment`, maxlength: 500, autocomplete: 'off' });
  const form = h('form', { class: 'override', id: `${id}-override`, novalidate: true },
    h('fieldset', { class: 'override__fieldset' },
      h('legend', {}, 'Why override this card?'),
      h('div', { class: 'override__reasons' }, options)),
    h('div', { class: 'field' },
      h('label', { for: comment.id }, 'Comment ', h('span', { class: 'hint' }, '(optional; sent with the feedback, never stored)')),
      comment),
    h('div', { class: 'override__buttons' },
      h('button', { type: 'submit', class: 'button button--primary' }, 'Override card'),
      h('button', { type: 'button', class: 'button button--secondary', on: { click: cancel } }, 'Cancel')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector(`input[name="${name}"]:checked`);
    const reason = chosen && chosen.value !== '' ? reasons[Number(chosen.value)] : null;
    const controls = form.querySelectorAll('button, input');
    controls.forEach((c) => { c.disabled = true; });
    submit(reason, comment.value.trim() || null).finally(() => controls.forEach((c) => { c.disabled = false; }));
  });
  form.addEventListener('keydown', (event) => { if (event.key === 'Escape') cancel(); });
  return form;
}

function text(value) {
  return typeof value === 'string' ? value : '';
}
