/** Options whose value is a secret (a password, a gateway token): the audit log records them as "[redacted]". */
const SECRET_OPTION = /^--?[\w-]*(pass|password|token|secret|key)[\w-]*$/i;

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The command as a shell line, for the audit log, with the values of secret options replaced. */
export function auditCommandLine(args: readonly string[], program = 'ezurnals'): string {
  const out: string[] = [program];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    if (arg.startsWith('-') && eq > 0 && SECRET_OPTION.test(arg.slice(0, eq))) {
      out.push(`${arg.slice(0, eq)}=[redacted]`);
    } else if (SECRET_OPTION.test(arg) && i + 1 < args.length) {
      out.push(arg, '[redacted]');
      i++;
    } else {
      out.push(quote(arg));
    }
  }
  return out.join(' ');
}
