// errors.log.enable: one ERROR line per failed operation, worded like Kafka's LogReporter;
// record contents only with errors.log.include.messages.
import type { Logger } from 'pino'
import type { ErrorContext, ErrorReporter } from './stages.ts'

export function logReporter (log: Logger, taskId: string, includeMessages: boolean): ErrorReporter {
  return {
    async report (ctx: ErrorContext) {
      let where = ''
      const c = ctx.consumed
      if (c !== undefined) {
        where = `, where consumed record is {topic='${c.topic}', partition=${c.partition}, offset=${c.offset}, timestamp=${c.timestamp ?? -1}, timestampType=CreateTime`
        if (includeMessages) where += `, key=${c.key?.toString('utf8') ?? 'null'}, value=${c.value?.toString('utf8') ?? 'null'}`
        where += '}'
      } else if (ctx.sourceRecord !== undefined && includeMessages) {
        where = `, where source record is = ${ctx.sourceRecord()}`
      }
      log.error({ err: ctx.error }, `Error encountered in task ${taskId}. Executing stage '${ctx.stage}' with class '${ctx.executingClass}'${where}.`)
    },
  }
}
