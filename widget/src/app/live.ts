// The live regions are rendered empty on the first paint (a region added later is often not
// announced) and filled here directly, outside of rendering, so the same text can be re-announced.
const timers = new Map<string, ReturnType<typeof setTimeout>>();

const say = (id: string, text: string) => {
  const region = document.getElementById(id);
  if (!region) return;
  region.textContent = "";
  clearTimeout(timers.get(id));
  timers.set(
    id,
    setTimeout(() => {
      region.textContent = text;
    }, 50),
  );
};

/** Errors and failures: interrupts. */
export const alertNow = (text: string) => say("balagh-alert", text);
/** Progress and confirmations: waits its turn. */
export const status = (text: string) => say("balagh-status", text);

/** Empties both regions, so nothing typed-about lingers in the DOM after a quick exit or a new report. */
export const silence = () => {
  for (const id of ["balagh-alert", "balagh-status"]) {
    clearTimeout(timers.get(id));
    const region = document.getElementById(id);
    if (region) region.textContent = "";
  }
};
