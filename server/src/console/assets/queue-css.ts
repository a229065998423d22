/**
 * The queue's own styles, beside the shell's stylesheet. Colours are GOV.UK's; every pair of text
 * and background here keeps WCAG AA contrast. Logical properties serve left-to-right and Arabic alike.
 */
export const QUEUE_CSS = `
.alert-banner:empty { display: none; }
.alert-banner {
  position: sticky; top: 0; z-index: 5; margin: 0 0 20px; padding: 15px 20px; background: #d4351c; color: #fff;
  border: 5px solid #0b0c0c; font-weight: 700; font-size: 1.25rem;
}
.alert-banner__text { margin: 0 0 10px; }
.alert-banner a, .alert-banner a:visited, .alert-banner a:hover { color: #fff; }
.alert-banner a:focus-visible { color: #0b0c0c; }

.counts__title { font-size: 1.125rem; margin: 0 0 10px; }
.counts__list { display: flex; flex-wrap: wrap; gap: 10px 25px; margin: 0 0 20px; padding: 0; list-style: none; }
.counts__item { display: flex; align-items: center; gap: 8px; font-size: 1.25rem; font-weight: 700; }
.queue-hint { margin-bottom: 10px; }

.priority {
  display: inline-block; min-width: 2.6em; padding: 2px 8px; text-align: center; font-weight: 700;
  font-variant-numeric: tabular-nums; border-radius: 2px; background: #b1b4b6; color: #0b0c0c;
}
.priority--P0 { background: #d4351c; color: #fff; }
.priority--P1 { background: #f47738; color: #0b0c0c; }
.priority--P2 { background: #1d70b8; color: #fff; }
.priority--P3 { background: #505a5f; color: #fff; }
.tag { display: inline-block; padding: 2px 8px; font-size: 0.875em; text-transform: uppercase; letter-spacing: 0.02em; }
:lang(ar) .tag { text-transform: none; letter-spacing: 0; }
.tag--overdue { background: #f6d7d2; color: #942514; }
.tag--new { background: #cce2d8; color: #005a30; }
.tag--unread { background: #1d70b8; color: #fff; }
.tag--reminder { background: #fff7bf; color: #594d00; outline: 2px solid #594d00; }

.sound-toggle { margin-bottom: 15px; }
.sound-toggle[aria-pressed="true"] .sound-toggle__off, .sound-toggle[aria-pressed="false"] .sound-toggle__on { display: none; }

.filters-box { margin: 0 0 10px; border-bottom: 1px solid #b1b4b6; }
.filters-box > summary { cursor: pointer; color: #1d70b8; text-decoration: underline; min-height: 44px; display: list-item; padding-block: 8px; }
.filters-box > summary:focus-visible { background: #ffdd00; color: #0b0c0c; outline: none; text-decoration: none; }
.filters { padding: 15px 0 0; }
.filters__title { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.filters__grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr)); gap: 0 20px; }
.filters .form-group { margin-bottom: 20px; }
.filters__clear { display: inline-flex; align-items: center; min-height: 44px; margin-inline-start: 15px; }
.button-group { display: flex; flex-wrap: wrap; align-items: center; gap: 0 10px; margin-bottom: 10px; }
.button-group .button { margin-bottom: 10px; }
.select {
  display: block; width: 100%; min-height: 44px; padding: 5px 8px; font: inherit; border: 2px solid #0b0c0c;
  border-radius: 0; background: #fff; color: #0b0c0c;
}
.fieldset { border: 0; margin: 0 0 20px; padding: 0; min-width: 0; }
.fieldset legend { padding: 0; }
.checkboxes { display: flex; flex-wrap: wrap; gap: 0 15px; }
.checkbox { display: flex; align-items: center; gap: 6px; min-height: 44px; }
.checkbox input { width: 24px; height: 24px; margin: 0; accent-color: #0b0c0c; }

.queue { margin: 0 0 30px; padding: 0; list-style: none; }
.queue-item { padding: 12px 0; border-bottom: 1px solid #b1b4b6; }
.queue-item--overdue { border-inline-start: 5px solid #d4351c; padding-inline-start: 10px; }
.queue-item--new { background: #f3f2f1; padding-inline: 10px; }
.queue-item__head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin-bottom: 6px; }
.queue-item__link { font-weight: 700; display: inline-flex; align-items: center; min-height: 44px; }
.queue-item__age { font-variant-numeric: tabular-nums; color: #0b0c0c; }
.queue-item__facts { display: flex; flex-wrap: wrap; gap: 2px 20px; margin: 0; font-size: 0.9375em; }
.queue-item__facts .fact { display: flex; gap: 5px; }
.queue-item__facts dt { color: #505a5f; }
.queue-item__facts dt::after { content: ":"; }
.queue-item__facts dd { margin: 0; overflow-wrap: anywhere; }
.queue-item__facts .agency { display: block; }
.queue-empty { font-size: 1.125rem; }
.pagination { display: flex; flex-wrap: wrap; gap: 10px 30px; }
.pagination a { display: inline-flex; align-items: center; min-height: 44px; }
.link-list { padding: 0; list-style: none; }
.link-list li { margin-bottom: 10px; }
`;
