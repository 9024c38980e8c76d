/**
 * Checks JSON values against the Swagger 1.2 models in the ARI spec, including the
 * Message -> Event -> StasisStart inheritance expressed with `subTypes` and the `type`
 * discriminator.
 */

export interface SpecProperty {
  type: string;
  required?: boolean;
  allowableValues?: { valueType: string; values?: string[]; min?: number; max?: number };
}

export interface SpecModel {
  id: string;
  properties: Record<string, SpecProperty>;
  subTypes?: string[];
  discriminator?: string;
}

export interface ValidateModelOptions {
  /**
   * Accept properties the model does not define. Off by default: the spec files are newer
   * than any Asterisk we target, so an unknown field is a typo in whoever produced it.
   */
  allowExtraProperties?: boolean;
}

type Models = Readonly<Record<string, SpecModel>>;

/** Ancestors first: e.g. StasisStart -> [Message, Event, StasisStart]. */
const lineage = (models: Models, name: string): SpecModel[] => {
  const chain: SpecModel[] = [];
  let current: string | undefined = name;
  while (current) {
    const model: SpecModel | undefined = models[current];
    if (!model) break;
    chain.unshift(model);
    const child: string = current;
    current = Object.values(models).find((m) => m.subTypes?.includes(child))?.id;
  }
  return chain;
};

/** Whether `name` is `ancestor` or one of its (transitive) subtypes. */
const isSubtypeOf = (models: Models, name: string, ancestor: string): boolean =>
  lineage(models, name).some((m) => m.id === ancestor);

const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkType(models: Models, type: string, value: unknown, at: string, opts: ValidateModelOptions): string[] {
  const list = /^List\[(.+)\]$/.exec(type)?.[1];
  if (list !== undefined) {
    if (!Array.isArray(value)) return [`${at}: expected ${type}`];
    return value.flatMap((item, i) => checkType(models, list, item, `${at}[${i}]`, opts));
  }
  const ok = (cond: boolean) => (cond ? [] : [`${at}: expected ${type}, got ${JSON.stringify(value)}`]);
  switch (type) {
    case "string":
      return ok(typeof value === "string");
    case "int":
    case "long":
      return ok(Number.isInteger(value));
    case "double":
    case "float":
      return ok(typeof value === "number" && Number.isFinite(value));
    case "boolean":
      return ok(typeof value === "boolean");
    case "Date":
      return ok(typeof value === "string" && DATE_RE.test(value) && !Number.isNaN(Date.parse(value)));
    case "object":
      return ok(isPlainObject(value));
    default:
      if (!models[type]) return [`${at}: spec has no model or type '${type}'`];
      return validateAt(models, type, value, at, opts);
  }
}

function checkAllowed(prop: SpecProperty, value: unknown, at: string): string[] {
  const allowed = prop.allowableValues;
  if (!allowed) return [];
  if (allowed.valueType === "LIST" && allowed.values && !allowed.values.includes(String(value))) {
    return [`${at}: ${JSON.stringify(value)} is not one of ${allowed.values.join(", ")}`];
  }
  if (allowed.valueType === "RANGE" && typeof value === "number") {
    if ((allowed.min !== undefined && value < allowed.min) || (allowed.max !== undefined && value > allowed.max)) {
      return [`${at}: ${value} is outside ${allowed.min ?? "-inf"}..${allowed.max ?? "inf"}`];
    }
  }
  return [];
}

function validateAt(models: Models, name: string, value: unknown, at: string, opts: ValidateModelOptions): string[] {
  if (!isPlainObject(value)) return [`${at}: expected ${name} object`];
  let chain = lineage(models, name);
  const root = chain[0];
  const discriminator = root?.discriminator;
  if (root && discriminator) {
    // Polymorphic models: the discriminator names the concrete model to check against.
    const concrete = value[discriminator];
    if (typeof concrete !== "string" || !models[concrete] || !isSubtypeOf(models, concrete, name)) {
      return [`${at}.${discriminator}: ${JSON.stringify(concrete)} is not ${name} or a subtype of it`];
    }
    chain = lineage(models, concrete);
  }
  const props: Record<string, SpecProperty> = Object.assign({}, ...chain.map((m) => m.properties));
  const errors: string[] = [];
  for (const [key, prop] of Object.entries(props)) {
    const v = value[key];
    if (v === undefined) {
      if (prop.required === true) errors.push(`${at}.${key}: required by ${name}`);
      continue;
    }
    const typeErrors = checkType(models, prop.type, v, `${at}.${key}`, opts);
    errors.push(...typeErrors, ...(typeErrors.length ? [] : checkAllowed(prop, v, `${at}.${key}`)));
  }
  if (!opts.allowExtraProperties) {
    for (const key of Object.keys(value)) {
      if (!(key in props)) errors.push(`${at}.${key}: not defined by ${chain.at(-1)?.id ?? name}`);
    }
  }
  return errors;
}

/** Validates `value` as model `name`; returns problems (empty when it conforms). */
export function validateAgainstModels(
  models: Models,
  name: string,
  value: unknown,
  options: ValidateModelOptions = {},
): string[] {
  if (!models[name]) return [`spec has no model '${name}'`];
  return validateAt(models, name, value, name, options);
}
