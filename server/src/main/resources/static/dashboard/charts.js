// Charts drawn as plain SVG: no library, nothing fetched. Each chart carries a text alternative;
// the page also offers the numbers as tables.

import { s, count } from '/ui/dom.js';

/** A round upper bound for an axis (1, 2, 5 × 10^k) and its ticks. */
export function axis(max) {
  if (!(max > 0)) return { top: 4, ticks: [0, 1, 2, 3, 4] };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole numbers: never a step below one.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw));
  const top = Math.max(step * Math.ceil(max / step), 1);
  const ticks = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { top, ticks };
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export function dayLabel(day, long = false) {
  const date = new Date(`${day}T00:00:00Z`);
  return (long ? longDate : shortDate).format(date);
}

/**
 * Issued cards per day as columns, accepted and overridden as lines with points.
 *
 * @param days ISO dates
 * @param daily {issued: [], accepted: [], overridden: []} aligned with days
 * @param width the drawing's width in CSS pixels
 * @param what whose cards, in words ("of all rules")
 */
export function dailyChart(days, daily, width, what = 'of all rules') {
  const height = 230;
  const pad = { left: 44, right: 12, top: 12, bottom: 30 };
  const plotW = Math.max(100, width - pad.left - pad.right);
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(0, ...daily.issued, ...daily.accepted, ...daily.overridden);
  const { top, ticks } = axis(max);
  const slot = plotW / Math.max(days.length, 1);
  const x = (i) => pad.left + slot * i + slot / 2;
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const total = (values) => values.reduce((a, b) => a + b, 0);
  const label = `Cards ${what} per day from ${dayLabel(days[0], true)} to ${dayLabel(days[days.length - 1], true)}: `
    + `${count(total(daily.issued))} issued, ${count(total(daily.accepted))} accepted, ${count(total(daily.overridden))} overridden.`;

  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'daily' });
  for (const tick of ticks) {
    svg.append(
      s('line', { x1: pad.left, x2: pad.left + plotW, y1: y(tick), y2: y(tick), class: tick === 0 ? 'axis' : 'grid' }),
      s('text', { x: pad.left - 8, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' }, count(tick)));
  }
  const every = Math.max(1, Math.ceil(days.length / Math.floor(plotW / 64)));
  days.forEach((day, i) => {
    const v = daily.issued[i];
    if (v > 0) {
      const barW = Math.max(2, Math.min(28, slot * 0.62));
      svg.append(s('rect', { x: x(i) - barW / 2, y: y(v), width: barW, height: Math.max(1, y(0) - y(v)), rx: 2, class: 'bar' },
        s('title', {}, `${dayLabel(day, true)}: ${count(v)} issued`)));
    }
    if (i % every === 0) {
      svg.append(s('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', class: 'tick' }, dayLabel(day)));
    }
  });
  for (const [name, values] of [['accepted', daily.accepted], ['overridden', daily.overridden]]) {
    if (total(values) === 0) continue;
    const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(s('polyline', { points, class: `line line--${name}` }));
    values.forEach((v, i) => {
      if (v > 0) {
        svg.append(s('circle', { cx: x(i), cy: y(v), r: 3.5, class: `dot dot--${name}` },
          s('title', {}, `${dayLabel(days[i], true)}: ${count(v)} ${name}`)));
      }
    });
  }
  return svg;
}

/** A small line of values over the period, for a table cell. */
export function sparkline(values, label) {
  const width = 88;
  const height = 26;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(2 + i * step).toFixed(1)},${(height - 3 - (v / max) * (height - 6)).toFixed(1)}`).join(' ');
  return s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'spark' },
    s('polyline', { points, class: 'spark__line' }));
}

/** One bar split into accepted, overridden and no feedback, out of the cards issued. */
export function outcomeBar(issued, accepted, overridden) {
  const width = 96;
  const height = 12;
  const denominator = Math.max(issued, accepted + overridden, 1);
  const a = (accepted / denominator) * width;
  const o = (overridden / denominator) * width;
  const label = `${count(accepted)} accepted, ${count(overridden)} overridden, ${count(Math.max(0, issued - accepted - overridden))} without feedback`;
  return s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label, class: 'outcome' },
    s('rect', { x: 0, y: 0, width, height, rx: 3, class: 'outcome__none' }),
    a > 0 ? s('rect', { x: 0, y: 0, width: a, height, class: 'outcome__accepted' }) : null,
    o > 0 ? s('rect', { x: a, y: 0, width: o, height, class: 'outcome__overridden' }) : null);
}

/** Horizontal bars, one per labelled count, longest first: the label above its bar. */
export function barList(items, width) {
  const rowH = 44;
  const barMax = Math.max(40, width - 48);
  const max = Math.max(1, ...items.map((i) => i.count));
  const height = rowH * items.length;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'bars',
    'aria-label': items.map((i) => `${i.label}: ${count(i.count)}`).join('; '),
  });
  items.forEach((item, row) => {
    const yTop = row * rowH;
    const w = Math.max(3, (item.count / max) * barMax);
    svg.append(
      s('text', { x: 0, y: yTop + 14, class: 'bars__label' }, truncate(item.label, Math.floor(width / 7))),
      s('rect', { x: 0, y: yTop + 20, width: w, height: 14, rx: 3, class: 'bars__bar' }),
      s('text', { x: w + 6, y: yTop + 32, class: 'bars__value' }, count(item.count)));
  });
  return svg;
}

function truncate(text, max) {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
