import { exportCommand } from './exportCommand';

/** `npm run export -- export --data-dir DIR --to FOLDER …`: see exportCommand.ts. */
const result = await exportCommand(process.argv.slice(2));
(result.code === 0 ? process.stdout : process.stderr).write(`${result.line}\n`);
process.exitCode = result.code;
