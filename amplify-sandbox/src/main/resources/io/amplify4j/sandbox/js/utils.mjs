// Amplify4j sandbox: the runtime behind `import { util, runtime, extensions } from '@aws-appsync/utils'`.
// AWS publishes only type definitions for this module; the behaviour below follows AppSync's documentation
// and outputs recorded from AppSync's EvaluateCode API (see the tests for the vectors).
import { state, raise } from '/__amplify4j/host.mjs';

const java = state.java;

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function copy(value) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function errorRecord(message, errorType, data, errorInfo) {
  return {
    message: message === undefined || message === null ? null : String(message),
    errorType: errorType === undefined || errorType === null ? null : String(errorType),
    data: data === undefined ? null : copy(data),
    errorInfo: errorInfo === undefined ? null : copy(errorInfo),
  };
}

// ---------------------------------------------------------------------------------------------- dynamodb

function toDynamoDB(value) {
  if (value === null || value === undefined) {
    return { NULL: null };
  }
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: value };
    case 'boolean':
      return { BOOL: value };
    default:
      break;
  }
  if (Array.isArray(value)) {
    return { L: value.map((v) => toDynamoDB(v)) };
  }
  return { M: toMapValues(value) };
}

function toMapValues(object) {
  const out = {};
  for (const [key, value] of Object.entries(object ?? {})) {
    out[key] = toDynamoDB(value);
  }
  return out;
}

function s3ObjectString(key, bucket, region, version) {
  const s3 = { key, bucket, region };
  if (version !== undefined && version !== null) {
    s3.version = version;
  }
  return JSON.stringify({ s3 });
}

const dynamodb = {
  toDynamoDB,
  toMapValues,
  toString: (value) => ({ S: value }),
  toStringSet: (values) => ({ SS: values }),
  toNumber: (value) => ({ N: value }),
  toNumberSet: (values) => ({ NS: values }),
  toBinary: (value) => ({ B: value }),
  toBinarySet: (values) => ({ BS: values }),
  toBoolean: (value) => ({ BOOL: value }),
  toNull: () => ({ NULL: null }),
  toList: (values) => ({ L: values.map((v) => toDynamoDB(v)) }),
  toMap: (object) => ({ M: toMapValues(object) }),
  toS3Object: (key, bucket, region, version) => ({ S: s3ObjectString(key, bucket, region, version) }),
  fromS3ObjectJson: (text) => {
    const s3 = JSON.parse(text).s3;
    return s3 === undefined ? null : s3;
  },
};

// --------------------------------------------------------------------------- transform: DynamoDB filters

const INVALID = Object.freeze({ invalidFilter: true });

const COMPARATORS = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };

const ATTRIBUTE_TYPES = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

// Parts of a group are wrapped in parentheses only when there is more than one; empty parts are kept,
// as AppSync keeps them (a dangling "AND ").
function group(parts, joiner) {
  return parts.length > 1 ? `(${parts.join(` ${joiner} `)})` : parts.join('');
}

function renderOperator(path, base, op, operand, out) {
  const key = `:${base}_${op}`;
  if (Object.hasOwn(COMPARATORS, op)) {
    out.values[key] = toDynamoDB(operand);
    return `(${path} ${COMPARATORS[op]} ${key})`;
  }
  switch (op) {
    case 'contains':
      out.values[key] = toDynamoDB(operand);
      return `(contains(${path},${key}))`;
    case 'notContains':
      out.values[key] = toDynamoDB(operand);
      return `(NOT contains(${path},${key}))`;
    case 'beginsWith':
      out.values[key] = toDynamoDB(operand);
      return `(begins_with(${path},${key}))`;
    case 'between':
      if (!Array.isArray(operand) || operand.length < 2) {
        throw INVALID;
      }
      out.values[`${key}_start`] = toDynamoDB(operand[0]);
      out.values[`${key}_end`] = toDynamoDB(operand[1]);
      return `(${path} BETWEEN ${key}_start AND ${key}_end)`;
    case 'in': {
      if (!Array.isArray(operand)) {
        throw INVALID;
      }
      if (operand.length === 0) {
        return '(null)';
      }
      const keys = operand.map((v, i) => {
        out.values[`${key}_${i}`] = toDynamoDB(v);
        return `${key}_${i}`;
      });
      return `(${path} IN (${keys.join(', ')}))`;
    }
    case 'attributeExists':
      if (typeof operand !== 'boolean') {
        throw INVALID;
      }
      return operand ? `(attribute_exists(${path}))` : `(attribute_not_exists(${path}))`;
    case 'attributeType':
      if (typeof operand !== 'string' || !Object.hasOwn(ATTRIBUTE_TYPES, operand)) {
        throw INVALID;
      }
      out.values[key] = { S: ATTRIBUTE_TYPES[operand] };
      return `(attribute_type(${path},${key}))`;
    case 'size':
      return renderOperators(path.startsWith('size(') ? path : `size(${path})`, `${base}_size`, operand, out);
    default:
      throw INVALID;
  }
}

function renderOperators(path, base, operators, out) {
  if (!isPlainObject(operators)) {
    throw INVALID;
  }
  const parts = Object.entries(operators).map(([op, operand]) => renderOperator(path, base, op, operand, out));
  return group(parts, 'AND');
}

function renderFilterObject(filter, prefix, out) {
  const parts = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) {
        throw INVALID;
      }
      const members = value.map((member, i) => {
        if (!isPlainObject(member)) {
          throw INVALID;
        }
        return renderFilterObject(member, `${prefix}${key}_${i}_`, out);
      });
      parts.push(group(members, key.toUpperCase()));
    } else if (key === 'not') {
      if (!isPlainObject(value)) {
        throw INVALID;
      }
      parts.push(`(NOT ${renderFilterObject(value, `${prefix}not_`, out)})`);
    } else {
      if (!isPlainObject(value)) {
        throw INVALID;
      }
      out.names[`#${key}`] = key;
      parts.push(renderOperators(`#${key}`, `${prefix}${key}`, value, out));
    }
  }
  return parts.join(' AND ');
}

function toDynamoDBExpression(filter) {
  if (!isPlainObject(filter)) {
    return null;
  }
  const out = { names: {}, values: {} };
  let expression;
  try {
    expression = renderFilterObject(filter, '', out);
  } catch (e) {
    if (e === INVALID) {
      return null;
    }
    throw e;
  }
  return JSON.stringify({ expression, expressionNames: out.names, expressionValues: out.values });
}

// ---------------------------------------------------------------------- transform: subscription filters

function product(left, right) {
  const out = [];
  for (const a of left) {
    for (const b of right) {
      out.push([...a, ...b]);
    }
  }
  return out;
}

// A filter object as a list of alternatives (OR), each a list of filters (AND).
function alternatives(filter, ignored) {
  let acc = [[]];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'and' && Array.isArray(value)) {
      for (const member of value) {
        if (isPlainObject(member)) {
          acc = product(acc, alternatives(member, ignored));
        }
      }
    } else if (key === 'or' && Array.isArray(value)) {
      const alts = [];
      for (const member of value) {
        if (isPlainObject(member)) {
          alts.push(...alternatives(member, ignored));
        }
      }
      acc = product(acc, alts);
    } else if (!ignored.includes(key) && isPlainObject(value)) {
      const alts = Object.entries(value).map(([operator, operand]) => [
        { fieldName: key, operator, value: copy(operand) },
      ]);
      acc = product(acc, alts);
    }
  }
  return acc;
}

function toSubscriptionFilter(filter, ignoredFields, rules) {
  if (!isPlainObject(filter)) {
    return null;
  }
  const ignored = Array.isArray(ignoredFields) ? ignoredFields : [];
  let alts = alternatives(filter, ignored);
  if (isPlainObject(rules) && Object.keys(rules).length > 0) {
    const ruleAlts = [];
    for (const [field, operators] of Object.entries(rules)) {
      if (isPlainObject(operators)) {
        for (const [operator, operand] of Object.entries(operators)) {
          ruleAlts.push([{ fieldName: field, operator, value: copy(operand) }]);
        }
      }
    }
    alts = product(alts, ruleAlts);
  }
  return { filterGroup: alts.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
}

// ------------------------------------------------------------------------------------------------ util

const time = {
  nowISO8601: () => java.epochMilliSecondsToISO8601(java.nowEpochMilliSeconds()),
  nowEpochSeconds: () => java.epochMilliSecondsToSeconds(java.nowEpochMilliSeconds()),
  nowEpochMilliSeconds: () => java.nowEpochMilliSeconds(),
  nowFormatted: (format, timezone) => java.epochMilliSecondsToFormatted(java.nowEpochMilliSeconds(), format, timezone ?? null),
  parseFormattedToEpochMilliSeconds: (text, format, timezone) =>
    java.parseFormattedToEpochMilliSeconds(text, format, timezone ?? null),
  parseISO8601ToEpochMilliSeconds: (text) => java.parseISO8601ToEpochMilliSeconds(text),
  epochMilliSecondsToSeconds: (millis) => java.epochMilliSecondsToSeconds(millis),
  epochMilliSecondsToISO8601: (millis) => java.epochMilliSecondsToISO8601(millis),
  epochMilliSecondsToFormatted: (millis, format, timezone) =>
    java.epochMilliSecondsToFormatted(millis, format, timezone ?? null),
};

const math = {
  roundNum: (value) => java.roundNum(value),
  minVal: (a, b) => Math.min(a, b),
  maxVal: (a, b) => Math.max(a, b),
  randomDouble: () => java.randomDouble(),
  randomWithinRange: (start, end) => java.randomWithinRange(start, end),
};

const str = {
  normalize: (value, form) => value.normalize(String(form).toUpperCase()),
};

const transform = {
  toDynamoDBFilterExpression: (filter) => toDynamoDBExpression(filter),
  toDynamoDBConditionExpression: (condition) => toDynamoDBExpression(condition),
  toSubscriptionFilter,
};

export const util = Object.freeze({
  autoId: () => java.autoId(),
  autoUlid: () => java.autoUlid(),
  autoKsuid: () => java.autoKsuid(),
  error: (message, errorType, data, errorInfo) => raise({ kind: 'error', ...errorRecord(message, errorType, data, errorInfo) }),
  appendError: (message, errorType, data, errorInfo) => {
    state.appended.push(errorRecord(message, errorType, data, errorInfo));
  },
  unauthorized: () =>
    raise({
      kind: 'error',
      ...errorRecord(
        `Not Authorized to access ${state.info.fieldName} on type ${state.info.parentTypeName}`,
        'Unauthorized',
      ),
    }),
  matches: (pattern, value) => java.matches(String(pattern), String(value)),
  authType: () => state.authType,
  escapeJavaScript: (value) => java.escapeJavaScript(String(value)),
  urlEncode: (value) => java.urlEncode(String(value)),
  urlDecode: (value) => java.urlDecode(String(value)),
  base64Encode: (value) => java.base64Encode(String(value)),
  base64Decode: (value) => java.base64Decode(String(value)),
  time: Object.freeze(time),
  dynamodb: Object.freeze(dynamodb),
  transform: Object.freeze(transform),
  math: Object.freeze(math),
  str: Object.freeze(str),
});

export const runtime = Object.freeze({
  earlyReturn: (value, options) =>
    raise({ kind: 'earlyReturn', value: copy(value), skipTo: options?.skipTo === 'END' ? 'END' : 'NEXT' }),
});

export const extensions = Object.freeze({
  setSubscriptionFilter: (filter) => {
    state.extensions.push({ kind: 'subscriptionFilter', value: copy(filter) });
  },
  setSubscriptionInvalidationFilter: (filter) => {
    state.extensions.push({ kind: 'subscriptionInvalidationFilter', value: copy(filter) });
  },
  invalidateSubscriptions: (invalidation) => {
    state.extensions.push({ kind: 'invalidateSubscriptions', value: copy(invalidation) });
  },
  evictFromApiCache: (typeName, fieldName, keyValues) => {
    state.extensions.push({ kind: 'evictFromApiCache', value: { typeName, fieldName, keys: copy(keyValues) } });
  },
});

// The type definitions also declare util, runtime and extensions as globals.
globalThis.util = util;
globalThis.runtime = runtime;
globalThis.extensions = extensions;
