/**
 * The workspace's and the audit viewer's styles, beside the shell's sheet. Free text wraps
 * anywhere (a 10,000-character word must not widen a phone's page) and keeps its line breaks.
 */
export const TIP_CSS = `
.tip-title { overflow-wrap: anywhere; }
.tip-id { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.6em; font-weight: 400; display: inline-block; }
.free-text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.narrative { background: #f3f2f1; border-inline-start: 5px solid #b1b4b6; padding: 10px 15px; max-height: 40em; overflow-y: auto; }
.muted { color: #505a5f; }
.plain-list { margin: 0; padding: 0; list-style: none; }
.plain-list > li { margin-bottom: 5px; overflow-wrap: anywhere; }
h3 { font-size: 1.1875rem; margin: 20px 0 10px; }

.workspace { display: grid; gap: 0 40px; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 900px) { .workspace { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.workspace .summary-list dt { min-width: 10em; }

.reasons { padding-inline-start: 1.2em; }
.reasons > li { margin-bottom: 8px; overflow-wrap: anywhere; }
.reasons q { font-style: italic; }
.reasons .points { white-space: nowrap; }
.priority { display: inline-block; padding: 2px 8px; background: #f3f2f1; border: 2px solid #0b0c0c; }
.priority--P0 { background: #d4351c; border-color: #d4351c; color: #fff; }
.priority--P1 { background: #f47738; border-color: #f47738; color: #0b0c0c; }

.route-list { margin: 0 0 20px; padding: 0; list-style: none; }
.route { border-bottom: 1px solid #b1b4b6; padding-block: 10px; }
.route__agency { margin-bottom: 5px; }
.tag { display: inline-block; padding: 0 6px; background: #e8f1f8; color: #0c2d4a; font-size: 0.9em; }
.delivery { font-weight: 700; }
.delivery--delivered { color: #005a30; }
.delivery--retrying { color: #6f3a00; }
.delivery--dead { color: #aa2a16; }

.timeline, .notes { margin: 0 0 20px; padding: 0; list-style: none; }
.timeline__item, .note { border-inline-start: 3px solid #b1b4b6; padding: 5px 0 5px 15px; padding-inline: 15px 0; margin-bottom: 10px; }
.timeline__item p, .note p { margin-bottom: 5px; }
.timeline__head, .note__head { overflow-wrap: anywhere; }

.actions { border-top: 5px solid #1d70b8; }
@media (min-width: 900px) { .actions { border-top: 0; } }
.action { border-bottom: 1px solid #b1b4b6; padding-bottom: 10px; }
.fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
.textarea, .select {
  display: block; width: 100%; min-height: 44px; padding: 5px 8px; font: inherit; border: 2px solid #0b0c0c;
  border-radius: 0; background: #fff; color: #0b0c0c;
}
.textarea { resize: vertical; }
.input--id { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.radios__item { display: flex; align-items: center; gap: 10px; min-height: 44px; }
.radios__input { width: 24px; height: 24px; margin: 0; flex: none; accent-color: #0b0c0c; }
.radios__label { cursor: pointer; padding-block: 5px; }
.notice--success { border-color: #00703c; }

.filters { background: #f3f2f1; padding: 15px; margin-bottom: 30px; }
.filters__grid { display: grid; gap: 0 20px; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 641px) { .filters__grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.filters .form-group { margin-bottom: 15px; }
.filters__title { margin-top: 0; }
.filters .button { margin-inline-end: 15px; }
.chain { border: 5px solid #00703c; padding: 15px; margin-bottom: 30px; }
.chain--broken { border-color: #d4351c; }
.chain p { margin: 0; font-weight: 700; }
.audit-entries { margin: 0 0 20px; padding: 0; list-style: none; }
.audit-entry { border-bottom: 1px solid #b1b4b6; padding-block: 10px; }
.audit-entry__head { display: flex; flex-wrap: wrap; gap: 0 15px; margin-bottom: 5px; }
.audit-entry__details { margin: 0; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f2f1; padding: 5px 10px; }
.audit-entry code { overflow-wrap: anywhere; }
.audit-entry__details dd { margin: 0; }
`;
