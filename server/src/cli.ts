import { readFileSync, writeFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { z } from "zod";
import { auditVerifyCommand } from "./audit/verify.js";
import { clearAgencyWebhook, listAgencies, setAgencyWebhook } from "./cli/agencies.js";
import { type CliContext, type CliIo, openCliContext, progress, UsageError } from "./cli/context.js";
import { D1_OPTIONS, D1_USAGE, d1TargetOf, isD1Context, openD1CliContext } from "./cli/d1-context.js";
import { listDeliveries, runDeliveryPass } from "./cli/deliveries.js";
import { listPartners } from "./cli/partners.js";
import { ExitWith, rulesCoverage, rulesTry } from "./cli/rules.js";
import { createStaff, readStaffSecrets, SECRETS_HOW_TO } from "./cli/staff.js";
import { listTips, showTip } from "./cli/tips.js";
import { formatTriageReport, triageReport } from "./cli/triage.js";
import { exportDeployment } from "./deployments/export.js";
import { DEPLOYMENT_NAMES, loadDeployment } from "./deployments/index.js";
import { formatSeedPlan, planSeed } from "./deployments/plan.js";
import { deploymentSchema } from "./deployments/schema.js";
import { seedDeployment } from "./deployments/seed.js";
import { EnvError } from "./env.js";
import { generateMasterKey } from "./security/keys.js";
import { sealLegacyFreeText } from "./tips/legacy.js";

const USAGE = `Usage: pnpm balagh <command>

  migrate                              apply database migrations
  seed <deployment|FILE.json> [--dry-run [--json]]
                                       load agencies, partners, rules and hotline settings (${DEPLOYMENT_NAMES.join(", ")},
                                       or a file export-deployment wrote); --dry-run prints what would change, writes nothing
  export-deployment <name> [--out FILE]
                                       the database's agencies, partners, rules and hotline settings as a
                                       deployment file (stdout, or FILE); webhooks are not exported
  create-staff --email E --role admin|supervisor|agent|auditor [--agency SLUG]
                                       asks for the password and an optional TOTP secret (base32); from a
                                       pipe, reads them from standard input: line 1 password, line 2 TOTP secret
  partners list [--json]               partners and the origins allowed to embed the widget
  tips list [--json]                   the latest 1000 tips, without their sealed fields
  tips show <id> [--json]              one tip, decrypted (operators only; the look is audited)
  audit verify [--json]                walks the audit log's hash chain; names the first broken entry (exit 1)
  agencies list [--json]               agencies and their webhook addresses
  agencies set-webhook --agency SLUG --url URL
                                       set where an agency's tips are delivered; prints a new signing secret once
  agencies clear-webhook --agency SLUG stop delivering to an agency
  deliveries run                       one delivery pass (for cron): send what is due, print the counts
  deliveries list [--json]             dead and pending deliveries, without their payloads
  triage report [--json]               tips whose priority or classification staff overrode, with the phrases
                                       triage read in them (never the narrative), and a count per phrase
  rules coverage [--json]              every kind of tip run through the routing rules: who receives it, and the
                                       gaps (a child without child protection, a P0 without police...): exit 3
  rules try [--json] < tip.json        a tip (the \`tip\` of POST /api/v1/tips) through triage and routing as
                                       intake would take it now: rules fired, invariants, routes; writes nothing
  keygen                               print a new BALAGH_MASTER_KEY

Configuration comes from the environment (see README: DATABASE_URL, BALAGH_MASTER_KEY, ...).
${D1_USAGE}`;

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  tty: Boolean(process.stderr.isTTY),
};

const print = (value: unknown, json: boolean) => {
  if (typeof value === "string") return io.out(value);
  if (json) return io.out(`${JSON.stringify(value, null, 2)}\n`);
  if (Array.isArray(value)) {
    for (const row of value)
      io.out(
        `${Object.values(row as object)
          .map((v) => (typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : String(v)))
          .join("  ")}\n`,
      );
    return io.out(`(${value.length})\n`);
  }
  io.out(`${JSON.stringify(value, null, 2)}\n`);
};

type Command = (
  ctx: CliContext,
  args: string[],
  flags: Record<string, string | boolean | undefined>,
) => Promise<unknown>;

/** A deployment by name, or a file such as one `export-deployment` wrote. */
const loadNamed = (name: string | undefined) => {
  if (!name) throw new UsageError(`seed needs a deployment: ${DEPLOYMENT_NAMES.join(", ")}, or a .json file`);
  try {
    if (name.endsWith(".json")) return deploymentSchema.parse(JSON.parse(readFileSync(name, "utf8")));
    return loadDeployment(name);
  } catch (error) {
    throw new UsageError(error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message);
  }
};

const COMMANDS: Record<
  string,
  { migrate?: boolean | ((flags: Record<string, string | boolean | undefined>) => boolean); run: Command }
> = {
  migrate: {
    migrate: true,
    run: async (ctx) => ({ migrated: true, sealedLegacyTips: await sealLegacyFreeText(ctx.db, ctx.keys) }),
  },
  seed: {
    // A dry run writes nothing, migrations included: it needs a database already migrated.
    migrate: (flags) => flags["dry-run"] !== true,
    run: async (ctx, [name], flags) => {
      const deployment = loadNamed(name);
      if (flags["dry-run"]) {
        const plan = await planSeed(ctx.db, deployment);
        return flags.json ? plan : formatSeedPlan(deployment.name, plan);
      }
      return seedDeployment(ctx.db, deployment, { onProgress: progress(ctx.io) });
    },
  },
  "export-deployment": {
    run: async (ctx, [name], flags) => {
      if (!name || !/^[a-z0-9-]+$/.test(name))
        throw new UsageError("export-deployment needs a name for the file: lower-case letters, digits and dashes");
      const file = `${JSON.stringify(await exportDeployment(ctx.db, name), null, 2)}\n`;
      if (typeof flags.out !== "string") return file;
      writeFileSync(flags.out, file);
      return `written to ${flags.out}\n`;
    },
  },
  "create-staff": { run: (ctx, _args, flags) => createStaff(ctx, flags, () => readStaffSecrets()) },
  "partners list": { run: (ctx) => listPartners(ctx) },
  "tips list": { run: (ctx) => listTips(ctx) },
  "tips show": {
    run: (ctx, [id]) => {
      if (!id) throw new UsageError("tips show needs a tip id (see `pnpm balagh tips list`)");
      return showTip(ctx, id);
    },
  },
  "agencies list": { run: (ctx) => listAgencies(ctx) },
  "agencies set-webhook": { run: (ctx, _args, flags) => setAgencyWebhook(ctx, flags) },
  "agencies clear-webhook": { run: (ctx, _args, flags) => clearAgencyWebhook(ctx, flags) },
  "deliveries run": { run: (ctx) => runDeliveryPass(ctx) },
  "deliveries list": { run: (ctx) => listDeliveries(ctx) },
  "audit verify": { run: (ctx) => auditVerifyCommand(ctx.db) },
  "rules coverage": { run: (ctx, _args, flags) => rulesCoverage(ctx, flags.json === true) },
  "rules try": { run: async (ctx, _args, flags) => rulesTry(ctx, await text(process.stdin), flags.json === true) },
  "triage report": {
    run: async (ctx, _args, flags) => {
      const report = await triageReport(ctx);
      return flags.json ? report : formatTriageReport(report);
    },
  },
};

const main = async (argv: string[]): Promise<number> => {
  const { values: flags, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      agency: { type: "string" },
      "totp-secret": { type: "string" },
      url: { type: "string" },
      "dry-run": { type: "boolean" },
      out: { type: "string" },
      ...D1_OPTIONS,
    },
  });
  for (const secret of ["password", "totp-secret"] as const)
    if (flags[secret] !== undefined)
      throw new UsageError(
        `--${secret} is refused because \`ps\` and shell history keep the command line: ${SECRETS_HOW_TO}`,
      );
  if (flags.help || positionals.length === 0) {
    io.out(`${USAGE}\n`);
    return flags.help ? 0 : 2;
  }
  if (positionals[0] === "keygen") {
    io.out(`${generateMasterKey()}\n`);
    return 0;
  }
  const two = positionals.slice(0, 2).join(" ");
  const name = COMMANDS[two] ? two : (positionals[0] ?? "");
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command '${positionals.join(" ")}'`);
  const migrate = typeof command.migrate === "function" ? command.migrate(flags) : (command.migrate ?? false);
  const d1 = d1TargetOf(flags);
  const ctx = d1 ? await openD1CliContext(io, d1, { migrate }) : await openCliContext(io, { migrate });
  try {
    const result = await command.run(ctx, positionals.slice(name.split(" ").length), flags);
    if (isD1Context(ctx)) await ctx.flush();
    const { code, value } = result instanceof ExitWith ? result : new ExitWith(0, result);
    print(value, flags.json ?? false);
    return code;
  } finally {
    ctx.close();
  }
};

/** A failed query's own message names only the SQL: the database's reason is in its causes. */
const describe = (error: unknown): string => {
  const parts: string[] = [];
  for (let at: unknown = error; at instanceof Error && parts.length < 5; at = at.cause) parts.push(at.message);
  return parts.join("\ncaused by: ");
};

main(process.argv.slice(2)).then(
  // Output to a pipe drains asynchronously: exiting at once would cut a long report short.
  (code) => process.stdout.write("", () => process.exit(code)),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`balagh: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    io.err(`balagh: ${error instanceof EnvError ? `configuration error: ${error.message}` : describe(error)}\n`);
    process.exit(1);
  },
);
