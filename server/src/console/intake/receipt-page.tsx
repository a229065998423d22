import { formatReceipt } from "@balagh/shared";
import type { Context } from "hono";
import { renderPage, textOf } from "../render.js";
import { tipPath } from "../tip/history.js";
import type { ViewerEnv } from "../types.js";
import { INTAKE_CSS_PATH } from "./style.js";

/**
 * The caller's report number, shown this once: it is stored only as a keyed hash, so neither this
 * page nor any other can show it again. The page is `no-store` like every console page.
 */
export const receiptPage = (c: Context<ViewerEnv>, entered: { tipId: string; receipt: string; visible: boolean }) => {
  const t = textOf(c);
  const groups = formatReceipt(entered.receipt).split(" ");
  return renderPage(
    c,
    { title: t("intake.receipt.title"), status: 201, here: "/console/intake" },
    <div class="intake-receipt">
      <link rel="stylesheet" href={INTAKE_CSS_PATH} />
      <h1>{t("intake.receipt.title")}</h1>
      <div class="receipt-box">
        <p class="receipt-box__label" id="receipt-label">
          {t("intake.receipt.label")}
        </p>
        <p class="receipt-digits" dir="ltr">
          {groups.map((group) => (
            <span class="receipt-digits__group">{group}</span>
          ))}
        </p>
      </div>
      <p>
        <strong>{t("intake.receipt.readSlowly")}</strong>
      </p>
      <p>{t("intake.receipt.keep")}</p>
      <ul class="link-list">
        <li>
          {entered.visible ? (
            <a href={tipPath(entered.tipId)}>{t("intake.receipt.open")}</a>
          ) : (
            t("intake.receipt.notYours")
          )}
        </li>
        <li>
          <a href="/console/intake">{t("intake.receipt.another")}</a>
        </li>
      </ul>
    </div>,
  );
};

/** The same form sent a second time (a reload, a double click): one tip, and the number is not shown again. */
export const alreadyEnteredPage = (c: Context<ViewerEnv>) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("intake.again.title"), status: 409, here: "/console/intake" },
    <div class="narrow">
      <h1>{t("intake.again.title")}</h1>
      <p>{t("intake.again.body")}</p>
      <p>
        <a href="/console/intake">{t("intake.receipt.another")}</a>
      </p>
    </div>,
  );
};
