/** A plugin method may answer directly or with a promise; the runtime always awaits. */
export type MaybePromise<T> = T | Promise<T>

/** Connector and task configs as the runtime passes them: string values, providers resolved. */
export type ConfigProps = Readonly<Record<string, string>>
