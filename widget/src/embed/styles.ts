// Logical properties mirror the launcher and the close button on right-to-left pages.
// The inline frame's height depends on the partner's screen only, never on the form's content: the
// partner page can read it, and a height that followed the form would tell what was answered.
// The dialog's percentages are of the visible viewport (it is fixed), also where dvh is unknown.
export const LOADER_CSS =
  ":host{all:initial}" +
  "*{border:0;padding:0}" +
  "button{font:600 16px sans-serif;background:#0b6e4f;color:#fff;" +
  "border-radius:99px;padding:15px 20px}" +
  "button:focus-visible{outline:3px solid #ffbf47}" +
  ".l{position:fixed;bottom:16px;inset-inline:auto 16px;z-index:2147483647}" +
  ".left,.start{inset-inline:16px auto}" +
  ".button{position:static}" +
  "dialog{width:560px;height:820px;max-width:100%;max-height:100%}" +
  "[open]{display:flex;flex-flow:column;align-items:flex-end}" +
  "::backdrop{background:#0009}" +
  "iframe{width:100%;flex:1}" +
  ":host>iframe{height:min(100vh,820px);display:block}";
