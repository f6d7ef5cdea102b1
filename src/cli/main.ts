import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../config/env.ts';
import { createLogger } from '../shared/logger.ts';

const USAGE = `Uso: facturas <comando> [opciones]

Comandos:
  process <archivo|carpeta>... [--json]   Lee, clasifica y extrae facturas (sin mover ni cargar nada)
  eval <carpeta> --truth [truth.json]     Evalúa contra facturas reales con truth.json (por carpeta) [--misses]
  train <carpeta>... [--seed N]           Entrena el clasificador con facturas etiquetadas y correcciones
  db migrate                              Aplica las migraciones del almacén de datos
  powerbi pbids [--out archivo]           Genera el archivo de conexión de Power BI (.pbids)
  drive setup | drive watch [--force]     Crea las carpetas de Drive / inicia el canal de notificaciones
  backfill [--force]                      Envía a procesar los archivos sin resultado (reanudable; --force desde el inicio)
  model [list] | model rollback [VERSIÓN]  Muestra los modelos publicados / vuelve a uno anterior en todas las instancias

La configuración se lee de variables de entorno (ver README).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      seed: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      truth: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 1;
  }
  const env = loadEnv();
  // Logs go to stderr, quietly by default, so that stdout carries only results.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'WARNING' });
  switch (command) {
    case 'process': {
      if (rest.length === 0) throw new UsageError('process necesita al menos un archivo o carpeta');
      const { processCommand } = await import('./process-command.ts');
      return processCommand(env, logger, rest, values.json);
    }
    case 'eval': {
      if (values.truth) {
        if (rest.length < 1 || rest.length > 2)
          throw new UsageError('uso: facturas eval <carpeta> --truth [truth.json]');
        const { evalTruthCommand } = await import('./eval-truth-command.ts');
        return evalTruthCommand(env, logger, rest[0]!, rest[1], { json: values.json, misses: values.misses });
      }
      // Scoring against a generated corpus is a development tool outside the service: tools/eval/cli.ts.
      throw new UsageError('la evaluación con un corpus generado es: npm run eval -- <carpeta>');
    }
    case 'train': {
      const { trainCommand } = await import('./train-command.ts');
      return trainCommand(env, logger, rest, values.seed ? Number(values.seed) : undefined);
    }
    case 'db': {
      if (rest[0] !== 'migrate') throw new UsageError('uso: facturas db migrate');
      const { dbMigrateCommand } = await import('./db-command.ts');
      return dbMigrateCommand(env, logger);
    }
    case 'powerbi': {
      const { pbidsCommand } = await import('./db-command.ts');
      return pbidsCommand(env, values.out);
    }
    case 'drive': {
      const { driveCommand } = await import('./drive-command.ts');
      return driveCommand(env, logger, rest[0], values.force);
    }
    case 'backfill': {
      const { backfillCommand } = await import('./backfill-command.ts');
      return backfillCommand(env, logger, values.force);
    }
    case 'model': {
      const { modelCommand } = await import('./model-command.ts');
      return modelCommand(env, logger, rest);
    }
    default:
      throw new UsageError(`comando desconocido: ${command}`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
