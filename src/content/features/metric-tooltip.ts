// What a highlighted metric was read as ("~2.4x · speedup · vs SAM 2"), shown beside it when the pointer
// rests on the highlight, or when a metric chip of the card toolbar has the pointer or the focus.
import { describeMetric } from '../../core/describe-metric';
import type { Metric } from '../../core/metric-types';
import type { CardEntry } from '../page-run';
import type { ContentPage } from '../session';
import { listenAlongShield } from '../shield/registry';
import { trusted } from '../trusted-events';
import { el, setAttributes, setText } from '../ui/dom';

export interface MetricTooltip {
  /** Shows the reading of `metric` of this card at its highlight (or at `anchor`); null hides it. */
  show(entry: CardEntry, metric: Metric | null, anchor?: Element): void;
}

const TOOLTIP_CSS = `
.tooltip {
  position: fixed; z-index: 2147483647; pointer-events: none; max-width: 360px;
  background: #1d2133; color: #fff; font: 12px/1.35 system-ui, sans-serif; padding: 4px 8px; border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25);
}
`;

interface Shown {
  text: string;
  /** Viewport rectangle of what it describes. */
  rect: { left: number; top: number; bottom: number };
}

function position({ rect }: Shown): string {
  const below = rect.top < 40;
  const top = below ? rect.bottom + 6 : rect.top - 6;
  const left = Math.max(4, Math.min(rect.left, window.innerWidth - 370));
  return `left:${left}px;top:${top}px;${below ? '' : 'transform:translateY(-100%);'}`;
}

export function metricTooltip(page: ContentPage): MetricTooltip {
  const panel = page.layer.panel(TOOLTIP_CSS);
  const tooltip = el('div', { class: 'tooltip', role: 'tooltip' });
  /** Shows the tooltip (one element, moved and given its text) or takes it out of the panel. */
  const draw = (shown: Shown | null) => {
    if (!shown) return tooltip.remove();
    setAttributes(tooltip, { style: position(shown) });
    setText(tooltip, shown.text);
    if (tooltip.parentNode !== panel) panel.append(tooltip);
  };
  let fromPointer = false;
  let frame = 0;

  // Along the shield: the pointer moving onto a toolbar still takes a highlight's tooltip away.
  listenAlongShield(document, 'pointermove', trusted((event: PointerEvent) => {
    if (frame) return;
    const { clientX, clientY, target } = event;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const entry = page.cards.around(target);
      const mark = entry ? page.highlights.hitTest(entry.element, clientX, clientY) : null;
      if (!mark) {
        if (fromPointer) draw(null);
        fromPointer = false;
        return;
      }
      fromPointer = true;
      draw({ text: describeMetric(mark.metric), rect: mark.range.getBoundingClientRect() });
    });
  }) as (event: Event) => void, { signal: page.signal, passive: true });
  page.signal.addEventListener('abort', () => draw(null), { once: true });

  return {
    show(entry, metric, anchor) {
      if (!metric) return draw(null);
      const mark = page.highlights.marksOf(entry.element).find((m) => m.metric === metric);
      const rect = mark && mark.range.getClientRects().length ? mark.range.getBoundingClientRect() : anchor?.getBoundingClientRect();
      if (rect) draw({ text: describeMetric(metric), rect });
    },
  };
}
