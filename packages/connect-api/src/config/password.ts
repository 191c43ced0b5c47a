// A PASSWORD config value: prints as [hidden] everywhere (logs, JSON, REST) unless asked for .value.
export class Password {
  static readonly HIDDEN = '[hidden]'
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  get value(): string {
    return this.#value
  }

  toString(): string {
    return Password.HIDDEN
  }

  toJSON(): string {
    return Password.HIDDEN
  }

  equals(other: unknown): boolean {
    return other instanceof Password && other.#value === this.#value
  }
}
