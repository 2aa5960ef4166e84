// Profiles, passwords and their SMS, and the web diary's start: `ezurnals
// account`, `sms`, `serve`, and the use cases behind them
// (src/services/accounts.ts, account-provisioning.ts, sms.ts,
// sms-transports.ts, config.ts). What is stored (an SMS's last error, the
// reason a message was withdrawn) stays as written: it is database content.
import { declineName } from '../../domain/latvian-names.ts';
import { count, messages, plural, type Catalogue } from '../catalogue.ts';

const MESSAGES = { one: 'ziņa', other: 'ziņas', zero: 'ziņu' };
const EN_MESSAGES = { one: 'message', other: 'messages' };
const EN_ATTEMPTS = { one: 'attempt', other: 'attempts' };

const en = {
  // account
  accountFamily: 'profiles of students, guardians and staff, and their passwords (sent by SMS)',
  accountList: 'list profiles',
  accountListClass: "the class's students and their guardians",
  accountListRole: 'a staff role, or student / guardian',
  kindOption: (kinds: string) => kinds,
  accountShow: "one profile's state (never its password)",
  accountReset: 'a new password, sent by SMS to the profile’s phone; the old one stops working',
  accountDisable: 'stop a profile from signing in (queued password messages are withdrawn)',
  accountEnable: 'let a disabled or locked profile sign in again',
  accountProvision: 'profiles for people whose phones were entered before profiles existed; their password SMS are queued',
  accountVerify: 'check a password read from stdin: exit 0 when right, 5 when wrong, disabled or locked (for integrations)',
  accountPassword: 'set your own password: the current one (from the SMS), then the new one, asked without echo',
  accountPasswordStdin: 'read the current and the new password from two lines of stdin instead',
  hUsername: 'username',
  hPerson: 'person',
  hLockedUntil: 'locked until',
  hPasswordSet: 'password set',
  hFailedAttempts: 'failed attempts',
  hCreated: 'created',
  resetQueued: (name: string, username: string, phone: string) => `A new password for ${name} (${username}) is queued for ${phone}; \`ezurnals sms send\` delivers it.`,
  provisioned: (n: number) => `${count(n, { one: 'profile', other: 'profiles' })} created; \`ezurnals sms send\` delivers their passwords.`,
  thePassword: 'The password',
  bothPasswords: 'The current and the new password',
  askCurrentPassword: (username: string) => `Current password of ${username}`,
  askNewPassword: 'New password (at least 10 characters, three kinds)',
  askNewAgain: 'The new password again',
  passwordsDiffer: 'The two new passwords differ; nothing was changed.',
  passwordRight: (username: string) => `The password of ${username} is right.`,
  passwordChanged: (username: string) => `The password of ${username} is changed.`,
  passwordTooWeak: (reason: string) => `The new password is too weak: ${reason}.`,
  passwordSame: 'The new password is the same as the current one.',
  wrongPassword: 'wrong username or password',
  profileIsDisabled: (username: string) => `${username} is disabled`,
  lockedAfter: (username: string, until: string, attempts: number) => `${username} is locked until ${until} after ${attempts} wrong passwords`,
  lockedNow: (username: string, until: string) => `wrong username or password; ${username} is now locked until ${until}`,
  // accounts service
  badKind: (kinds: string, value: string) => `--kind must be one of ${kinds}, not "${value}".`,
  badRole: (role: string) => `--role "${role}" is neither a staff role nor student or guardian.`,
  noProfile: (username: string) => `No profile with the username ${username}. See \`ezurnals account list\`.`,
  noProfileShort: (username: string) => `No profile with the username ${username}.`,
  resetDisabled: (name: string, username: string) => `${username} (${name}) is disabled: enable it first (\`ezurnals account enable ${username}\`).`,
  noMobile: (name: string, username: string) => `${username} (${name}) has no mobile number to send a password to: enter the person's phone first.`,
  alreadyDisabled: (name: string, username: string) => `${username} (${name}) is already disabled.`,
  notDisabledNorLocked: (name: string, username: string) => `${username} (${name}) is neither disabled nor locked.`,
  usernameTaken: (username: string, kind: string, id: number) => `The username ${username} already belongs to another profile (${kind} ${id}).`,
  smsTooLong: (username: string, units: number, limit: number, encoding: string) =>
    `The password SMS for ${username} would not fit one message (${units} of ${limit} ${encoding} characters): the username is too long.`,
  // sms
  smsFamily: 'the outbox of password messages and their delivery',
  smsList: 'list messages, passwords masked',
  stateOption: (states: string) => states,
  smsSend: 'deliver the queued messages through the configured transport (exit 1 when any failed)',
  smsRetryFailed: 'try the failed messages again too',
  smsExport: 'write the queued messages to a CSV file (mode 0600) for printing or another sender, and mark them handed over',
  smsExportOut: 'the file (default: ezurnals-sms-<time>.csv in the current folder)',
  smsExportForce: 'overwrite an existing --out file',
  hState: 'state',
  hTo: 'to',
  hAttempts: 'attempts',
  hLastError: 'last error',
  outbox: (queued: number) =>
    `The SMS transport is "outbox": nothing leaves the journal, ${count(queued, EN_MESSAGES)} ${queued === 1 ? 'stays' : 'stay'} queued. Hand them over with \`ezurnals sms export\`, or configure a transport (EZURNALS_SMS_TRANSPORT=http|command).`,
  sent: (sent: number, transport: string, skipped: number) => `Sent ${count(sent, EN_MESSAGES)} by ${transport}${skipped ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} being sent by another run` : ''}.`,
  sendFailed: (id: number, to: string, who: string, attempts: number, error: string) => `message ${id} to ${to}${who ? ` (${who})` : ''} failed after ${count(attempts, EN_ATTEMPTS)}: ${error}`,
  undelivered: (n: number) => `${count(n, EN_MESSAGES)} could not be delivered and ${n === 1 ? 'is' : 'are'} marked failed; see \`ezurnals sms list --state failed\`.`,
  exported: (n: number, file: string) => `Wrote ${count(n, EN_MESSAGES)} to ${file}; ${n === 1 ? 'it is' : 'they are'} marked sent. The file holds passwords: print or send them, then delete it.`,
  badState: (states: string, value: string) => `--state must be one of ${states}, not "${value}".`,
  httpNeedsUrl: 'The http SMS transport needs the gateway URL: set EZURNALS_SMS_URL or sms.url in the configuration file.',
  badGatewayUrl: 'The SMS gateway URL is not a valid URL (EZURNALS_SMS_URL or sms.url).',
  commandNeedsProgram: 'The command SMS transport needs a program: set EZURNALS_SMS_COMMAND or sms.command in the configuration file.',
  // config
  configOpen: (path: string, mode: string) => `${path} has mode 0${mode}, so others may read the secrets in it; it is refused. Make it private: chmod 600 ${path}`,
  configInvalid: (path: string, detail: string) => `${path} is not valid configuration: ${detail}.`,
  configObject: (path: string, name: string) => `${path}: "${name}" must be an object.`,
  configWhole: (what: string, fromOne: boolean, value: string) => `${what} must be a whole number${fromOne ? ' from 1' : ''}, not "${value}".`,
  configCommand: (what: string) => `${what} must be a program with its arguments, e.g. "gammu-smsd-inject TEXT {to} -unicode".`,
  configTransport: (what: string, transports: string, value: string) => `${what} must be one of ${transports}, not "${value}".`,
  configMissing: (path: string) => `No configuration file at ${path} (from EZURNALS_CONFIG).`,
  // serve
  serveDescription: 'the web diary for families and staff: sign in with the profile\'s username and password (see README, "Web diary")',
  serveHost: 'address to listen on; keep 127.0.0.1 behind a reverse proxy',
  servePort: 'port to listen on (0: any free one)',
  serveTrustProxy: 'behind a TLS reverse proxy: client addresses from X-Forwarded-For, Secure cookies, HSTS',
  badPort: (port: string) => `--port must be a port number from 0 to 65535, not "${port}".`,
  portInUse: (address: string) => `${address} is already in use: is another ezurnals serve running? Choose another --port.`,
  cannotListen: (address: string, code: string) => `Cannot listen on ${address} (${code}).`,
  serving: (school: string, address: string, proxy: boolean) => `The web diary of ${school} is at ${address}/ (Ctrl+C stops it)${proxy ? '; behind a TLS proxy' : ''}.`,
  stopping: (signal: string) => `${signal}: stopping the web diary.`,
};

const lv: typeof en = {
  accountFamily: 'skolēnu, likumisko pārstāvju un darbinieku profili un viņu paroles (sūta ar SMS)',
  accountList: 'profilu saraksts',
  accountListClass: 'klases skolēni un viņu likumiskie pārstāvji',
  accountListRole: 'darbinieka loma vai student / guardian',
  kindOption: (kinds: string) => `profila veids: ${kinds}`,
  accountShow: 'viena profila stāvoklis (nekad ne parole)',
  accountReset: 'jauna parole, ko nosūta ar SMS uz profila tālruni; vecā parole vairs nederēs',
  accountDisable: 'liegt profilam pieslēgties (rindā gaidošās paroļu ziņas atsauc)',
  accountEnable: 'atkal ļaut pieslēgties atslēgtam vai bloķētam profilam',
  accountProvision: 'profili personām, kuru tālruņi ievadīti pirms profilu ieviešanas; viņu paroļu SMS ieliek rindā',
  accountVerify: 'pārbaudīt paroli, kas nolasīta no stdin: izejas kods 0, ja pareiza, 5, ja nepareiza, profils atslēgts vai bloķēts (integrācijām)',
  accountPassword: 'nomainīt savu paroli: vispirms pašreizējā (no SMS), tad jaunā; ievadītais netiek rādīts',
  accountPasswordStdin: 'nolasīt pašreizējo un jauno paroli no divām stdin rindām',
  hUsername: 'lietotājvārds',
  hPerson: 'persona',
  hLockedUntil: 'bloķēts līdz',
  hPasswordSet: 'parole iestatīta',
  hFailedAttempts: 'neveiksmīgi mēģinājumi',
  hCreated: 'izveidots',
  resetQueued: (name: string, username: string, phone: string) =>
    `Jauna parole ${declineName(name, 'dative')} (${username}) ielikta rindā nosūtīšanai uz ${phone}; to nosūta \`ezurnals sms send\`.`,
  provisioned: (n: number) => `Izveidoti profili: ${n}; paroles nosūta \`ezurnals sms send\`.`,
  thePassword: 'Parole',
  bothPasswords: 'Pašreizējā un jaunā parole',
  askCurrentPassword: (username: string) => `Pašreizējā parole (${username})`,
  askNewPassword: 'Jaunā parole (vismaz 10 rakstzīmes, trīs veidu)',
  askNewAgain: 'Jaunā parole vēlreiz',
  passwordsDiffer: 'Abas jaunās paroles atšķiras; nekas nav mainīts.',
  passwordRight: (username: string) => `Profila ${username} parole ir pareiza.`,
  passwordChanged: (username: string) => `Profila ${username} parole nomainīta.`,
  passwordTooWeak: (reason: string) => `Jaunā parole ir par vāju: ${weakReasonLv(reason)}.`,
  passwordSame: 'Jaunā parole ir tāda pati kā pašreizējā.',
  wrongPassword: 'nepareizs lietotājvārds vai parole',
  profileIsDisabled: (username: string) => `profils ${username} ir atslēgts`,
  lockedAfter: (username: string, until: string, attempts: number) => `profils ${username} ir bloķēts līdz ${until} pēc ${attempts} nepareizām parolēm`,
  lockedNow: (username: string, until: string) => `nepareizs lietotājvārds vai parole; profils ${username} tagad bloķēts līdz ${until}`,
  badKind: (kinds: string, value: string) => `--kind jābūt vienam no: ${kinds}, nevis "${value}".`,
  badRole: (role: string) => `--role "${role}" nav ne darbinieka loma, ne student vai guardian.`,
  noProfile: (username: string) => `Nav profila ar lietotājvārdu ${username}. Skatiet \`ezurnals account list\`.`,
  noProfileShort: (username: string) => `Nav profila ar lietotājvārdu ${username}.`,
  resetDisabled: (name: string, username: string) =>
    `${declineName(name, 'genitive')} profils ${username} ir atslēgts: vispirms ieslēdziet to (\`ezurnals account enable ${username}\`).`,
  noMobile: (name: string, username: string) =>
    `${declineName(name, 'dative')} (${username}) nav mobilā tālruņa, uz kuru sūtīt paroli: vispirms ievadiet personas tālruni.`,
  alreadyDisabled: (name: string, username: string) => `${declineName(name, 'genitive')} profils ${username} jau ir atslēgts.`,
  notDisabledNorLocked: (name: string, username: string) => `${declineName(name, 'genitive')} profils ${username} nav ne atslēgts, ne bloķēts.`,
  usernameTaken: (username: string, kind: string, id: number) => `Lietotājvārds ${username} jau pieder citam profilam (${kind} ${id}).`,
  smsTooLong: (username: string, units: number, limit: number, encoding: string) =>
    `Paroles SMS profilam ${username} neietilpst vienā ziņā (${units} no ${limit} ${encoding} rakstzīmēm): lietotājvārds ir par garu.`,
  smsFamily: 'paroļu ziņu izsūtne un ziņu piegāde',
  smsList: 'ziņu saraksts, paroles slēptas',
  stateOption: (states: string) => `stāvoklis: ${states}`,
  smsSend: 'piegādāt rindā gaidošās ziņas ar transportu, kas norādīts iestatījumos (izejas kods 1, ja kāda neizdevās)',
  smsRetryFailed: 'mēģināt vēlreiz arī neizdevušās ziņas',
  smsExport: 'ierakstīt rindā gaidošās ziņas CSV failā (režīms 0600) drukāšanai vai citam sūtītājam un atzīmēt tās kā nodotas',
  smsExportOut: 'fails (pēc noklusējuma ezurnals-sms-<laiks>.csv pašreizējā mapē)',
  smsExportForce: 'pārrakstīt esošu --out failu',
  hState: 'stāvoklis',
  hTo: 'kam',
  hAttempts: 'mēģinājumi',
  hLastError: 'pēdējā kļūda',
  outbox: (queued: number) =>
    `SMS transports ir "outbox": nekas netiek sūtīts ārpus žurnāla, rindā paliek ${count(queued, MESSAGES)}. Nododiet tās ar \`ezurnals sms export\` vai iestatiet transportu (EZURNALS_SMS_TRANSPORT=http|command).`,
  sent: (sent: number, transport: string, skipped: number) =>
    `${plural(sent, { one: 'Nosūtīta', other: 'Nosūtītas' })} ${count(sent, MESSAGES)} (${transport})${skipped ? `; ${count(skipped, MESSAGES)} sūtīja cits process` : ''}.`,
  sendFailed: (id: number, to: string, who: string, attempts: number, error: string) =>
    `ziņa ${id} uz ${to}${who ? ` (${who})` : ''} neizdevās pēc ${count(attempts, { one: 'mēģinājuma', other: 'mēģinājumiem', zero: 'mēģinājumiem' })}: ${error}`,
  undelivered: (n: number) => `Nevarēja piegādāt: ${count(n, MESSAGES)}; tās atzīmētas kā neizdevušās, skatiet \`ezurnals sms list --state failed\`.`,
  exported: (n: number, file: string) =>
    `Failā ${file} ${plural(n, { one: 'ierakstīta', other: 'ierakstītas' })} ${count(n, MESSAGES)}; tās atzīmētas kā nosūtītas. Failā ir paroles: izdrukājiet vai nosūtiet tās, tad failu izdzēsiet.`,
  badState: (states: string, value: string) => `--state jābūt vienam no: ${states}, nevis "${value}".`,
  httpNeedsUrl: 'SMS transportam http vajag vārtejas URL: iestatiet EZURNALS_SMS_URL vai sms.url konfigurācijas failā.',
  badGatewayUrl: 'SMS vārtejas URL nav derīgs (EZURNALS_SMS_URL vai sms.url).',
  commandNeedsProgram: 'SMS transportam command vajag programmu: iestatiet EZURNALS_SMS_COMMAND vai sms.command konfigurācijas failā.',
  configOpen: (path: string, mode: string) =>
    `${path} režīms ir 0${mode}, tāpēc citi var lasīt tajā esošos noslēpumus; fails netiek pieņemts. Padariet to privātu: chmod 600 ${path}`,
  configInvalid: (path: string, detail: string) => `${path} nav derīga konfigurācija: ${detail}.`,
  configObject: (path: string, name: string) => `${path}: "${name}" jābūt objektam.`,
  configWhole: (what: string, fromOne: boolean, value: string) => `${what}: jābūt veselam skaitlim${fromOne ? ' no 1' : ''}, nevis "${value}".`,
  configCommand: (what: string) => `${what}: jābūt programmai ar argumentiem, piemēram, "gammu-smsd-inject TEXT {to} -unicode".`,
  configTransport: (what: string, transports: string, value: string) => `${what}: jābūt vienam no: ${transports}, nevis "${value}".`,
  configMissing: (path: string) => `Konfigurācijas fails ${path} nav atrasts (no EZURNALS_CONFIG).`,
  serveDescription: 'tīmekļa dienasgrāmata ģimenēm un darbiniekiem: pieslēdzas ar profila lietotājvārdu un paroli (skatiet README, "Web diary")',
  serveHost: 'adrese, kurā klausīties; aiz reversā starpniekservera atstājiet 127.0.0.1',
  servePort: 'ports, kurā klausīties (0: jebkurš brīvs)',
  serveTrustProxy: 'aiz TLS reversā starpniekservera: klientu adreses ņem no starpniekservera galvenes (X-Forwarded-*), Secure sīkdatnes, HSTS',
  badPort: (port: string) => `--port jābūt porta numuram no 0 līdz 65535, nevis "${port}".`,
  portInUse: (address: string) => `${address} jau ir aizņemts: vai darbojas cits ezurnals serve? Izvēlieties citu --port.`,
  cannotListen: (address: string, code: string) => `Nevar klausīties ${address} (${code}).`,
  serving: (school: string, address: string, proxy: boolean) =>
    `${school} tīmekļa dienasgrāmata: ${address}/ (Ctrl+C to aptur)${proxy ? '; aiz TLS starpniekservera' : ''}.`,
  stopping: (signal: string) => `${signal}: tīmekļa dienasgrāmata tiek apturēta.`,
};

export const catalogue: Catalogue<typeof en> = { en, lv };
export const m = messages(catalogue);

/** The strength check's reason (src/domain/password.ts, English) in Latvian: the CLI's refusal and the web diary's page say it so. */
export function weakReasonLv(reason: string): string {
  if (/characters; at least/.test(reason)) return 'vajag vismaz 10 rakstzīmes';
  if (/three of/.test(reason)) return 'vajag trīs veidu rakstzīmes: mazos burtus, lielos burtus, ciparus vai citas zīmes';
  if (/username/.test(reason)) return 'tajā ir lietotājvārds';
  if (/space/.test(reason)) return 'tā sākas vai beidzas ar atstarpi';
  if (/different/.test(reason)) return 'tajā ir par maz dažādu rakstzīmju';
  if (/longer/.test(reason)) return 'tā ir par garu';
  return 'tā neatbilst prasībām';
}
