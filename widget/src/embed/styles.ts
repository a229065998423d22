// Logical properties mirror the launcher and the close button on right-to-left pages.
// The inline frame's height depends on the partner's screen only, never on the form's content: the
// partner page can read it, and a height that followed the form would tell what was answered.
export const LOADER_CSS = `
:host{all:initial}
.l{position:fixed;inset-block-end:16px;inset-inline-end:16px;z-index:2147483646;font:600 16px/1.2 system-ui,sans-serif;
background:var(--a,#0b6e4f);color:#fff;border:0;border-radius:999px;padding:14px 20px;min-height:48px;cursor:pointer;
box-shadow:0 2px 10px rgba(0,0,0,.3)}
.l.s{inset-inline-end:auto;inset-inline-start:16px}
.l.b{position:static}
.l:focus-visible,.c:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.o[hidden]{display:none}
.o{position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center}
.d{position:relative;background:#fff;width:min(100vw,560px);height:min(100dvh,820px);display:flex;flex-direction:column}
.c{align-self:flex-end;margin:4px;min-width:44px;min-height:44px;font:700 24px/1 system-ui,sans-serif;background:#fff;color:#1a1a1a;
border:1px solid #767676;border-radius:8px;cursor:pointer}
.f{border:0;flex:1;width:100%}
.i{border:0;width:100%;height:min(100vh,820px);display:block}
`;
