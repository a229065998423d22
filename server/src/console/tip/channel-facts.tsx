import type { Translate } from "../i18n.js";
import { whoIs } from "./history.js";

const CHANNELS = ["web", "phone", "walk_in", "partner_referral"] as const;
type Channel = (typeof CHANNELS)[number];
const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/** How the tip reached the hotline and, for one typed in by staff, who typed it: staff only, never the reporter. */
export const ChannelFacts = ({
  t,
  tip,
  emails,
}: {
  t: Translate;
  tip: { channel: string; enteredBy: string | null };
  emails: Map<string, string>;
}) => (
  <>
    <div>
      <dt>{t("intake.tip.channel")}</dt>
      <dd>{isChannel(tip.channel) ? t(`intake.channel.${tip.channel}`) : tip.channel}</dd>
    </div>
    {tip.enteredBy && (
      <div>
        <dt>{t("intake.tip.enteredBy")}</dt>
        <dd dir="auto">{whoIs(t, emails, tip.enteredBy)}</dd>
      </div>
    )}
  </>
);
