package io.amplify4j.plan.resolver;

/**
 * The JavaScript helpers generated modules carry inline (APPSYNC_JS has no shared code between functions). Each
 * helper is one fixed text, so every module that needs a helper carries the same logic, byte for byte. All of it
 * stays inside the APPSYNC_JS subset: no throw/try/while/classic for/++/classes/regex literals/recursion, no
 * functions passed as arguments; errors only through {@code util.error} and {@code util.unauthorized}.
 *
 * <p>Rules are data (the {@code RULES} constants), each an object with a {@code kind}:
 * {@code apiKey}, {@code guest}, {@code authenticated} (+{@code provider}), {@code groups} (+{@code provider},
 * {@code groups}, {@code groupClaim}), {@code custom}, {@code resource} (+{@code env}: the variable holding the
 * function's role ARN), {@code owner} (+{@code provider}, {@code field}, {@code multiple}, {@code identityClaim},
 * {@code allowOwnerTransfer}), {@code groupsDefinedIn} (+{@code provider}, {@code field}, {@code multiple},
 * {@code groupClaim}).
 *
 * <p>{@code authorize(ctx, rules)} answers {@code {allowed, isStatic, checks}}: {@code isStatic} when a rule admits
 * the caller whatever the item; otherwise {@code checks} lists what an item must satisfy (any one of them) for an
 * owner or dynamic group rule to admit the caller: {@code {kind, field, multiple, values, allowOwnerTransfer}}, the
 * stored field (or one of its elements, when {@code multiple}) equal to one of {@code values}.
 */
final class JsSnippets {
    /** Snippets are a handful of constants used thousands of times on large schemas; substitute each once. */
    private static final java.util.Map<String, String> WITH_ENVIRONMENT =
            new java.util.concurrent.ConcurrentHashMap<>();

    private JsSnippets() {}

    /** Who the caller is, by auth type; IAM callers split into identity pool guests, its users, and other roles. */
    static final String CALLER = """
            function callerOf(ctx) {
              const env = ctx.env ?? {};
              const identity = ctx.identity ?? {};
              const type = util.authType();
              const nobody = { provider: 'none', guest: false, identity: {}, claims: {} };
              if (type === 'API Key Authorization') {
                return { provider: 'apiKey', guest: false, identity: {}, claims: {} };
              }
              if (type === 'Lambda Authorization') {
                return { provider: 'function', guest: false, identity: identity, claims: {} };
              }
              if (type === 'Open ID Connect Authorization') {
                return { provider: 'oidc', guest: false, identity: identity, claims: identity.claims ?? {} };
              }
              if (type === 'User Pool Authorization') {
                const issuer = env.@USER_POOL_ISSUER@;
                if (!issuer || identity.issuer !== issuer) {
                  return nobody;
                }
                return { provider: 'userPools', guest: false, identity: identity, claims: identity.claims ?? {} };
              }
              if (type === 'IAM Authorization') {
                if (identity.cognitoIdentityPoolId) {
                  const poolId = env.@IDENTITY_POOL_ID@;
                  if (!poolId || identity.cognitoIdentityPoolId !== poolId) {
                    return nobody;
                  }
                  if (identity.cognitoIdentityAuthType === 'unauthenticated') {
                    return { provider: 'identityPool', guest: true, identity: identity, claims: {} };
                  }
                  if (identity.cognitoIdentityAuthType === 'authenticated') {
                    return { provider: 'identityPool', guest: false, identity: identity, claims: {} };
                  }
                  return nobody;
                }
                return { provider: 'iam', guest: false, identity: identity, claims: {} };
              }
              return nobody;
            }

            function isRole(userArn, roleArn) {
              if (!userArn || !roleArn) {
                return false;
              }
              if (userArn === roleArn) {
                return true;
              }
              const parts = roleArn.split(':');
              if (parts.length < 6) {
                return false;
              }
              const path = parts.slice(5).join(':').split('/');
              const roleName = path[path.length - 1];
              return userArn.startsWith('arn:' + parts[1] + ':sts::' + parts[4] + ':assumed-role/' + roleName + '/');
            }

            function groupsOf(caller, claim) {
              const value = caller.claims[claim];
              if (Array.isArray(value)) {
                return value;
              }
              if (typeof value === 'string' && value.length > 0) {
                return [value];
              }
              return [];
            }

            function ownerValuesOf(caller, claim) {
              if (claim === 'sub::username') {
                const sub = caller.claims.sub ?? caller.identity.sub;
                const username = caller.identity.username ?? caller.claims['cognito:username'] ?? caller.claims.username;
                if (!sub) {
                  return [];
                }
                return username ? [sub + '::' + username, sub] : [sub];
              }
              const value = caller.claims[claim] ?? caller.identity[claim];
              if (value === undefined || value === null || value === '') {
                return [];
              }
              return [String(value)];
            }

            function admits(caller, rule, env) {
              switch (rule.kind) {
                case 'apiKey':
                  return caller.provider === 'apiKey';
                case 'guest':
                  return caller.provider === 'identityPool' && caller.guest;
                case 'authenticated':
                  return caller.provider === rule.provider && !caller.guest;
                case 'custom':
                  return caller.provider === 'function';
                case 'resource':
                  return caller.provider === 'iam' && isRole(caller.identity.userArn, env[rule.env]);
                case 'groups': {
                  if (caller.provider !== rule.provider) {
                    return false;
                  }
                  for (const group of groupsOf(caller, rule.groupClaim)) {
                    if (rule.groups.includes(group)) {
                      return true;
                    }
                  }
                  return false;
                }
                default:
                  return false;
              }
            }

            function authorize(ctx, rules) {
              const caller = callerOf(ctx);
              const env = ctx.env ?? {};
              const decision = { allowed: false, isStatic: false, checks: [] };
              for (const rule of rules) {
                if (admits(caller, rule, env)) {
                  decision.isStatic = true;
                } else if (rule.kind === 'owner' && caller.provider === rule.provider) {
                  const values = ownerValuesOf(caller, rule.identityClaim);
                  if (values.length > 0) {
                    decision.checks.push({
                      kind: 'owner',
                      field: rule.field,
                      multiple: rule.multiple,
                      values: values,
                      allowOwnerTransfer: rule.allowOwnerTransfer,
                    });
                  }
                } else if (rule.kind === 'groupsDefinedIn' && caller.provider === rule.provider) {
                  const groups = groupsOf(caller, rule.groupClaim);
                  if (groups.length > 0) {
                    decision.checks.push({
                      kind: 'group',
                      field: rule.field,
                      multiple: rule.multiple,
                      values: groups,
                      allowOwnerTransfer: true,
                    });
                  }
                }
              }
              decision.allowed = decision.isStatic || decision.checks.length > 0;
              return decision;
            }
            """;

    /** Whether a stored (or supplied) value satisfies a check, and whether an item satisfies a decision. */
    static final String ITEM = """
            function satisfies(check, value) {
              if (value === undefined || value === null) {
                return false;
              }
              if (check.multiple) {
                if (!Array.isArray(value)) {
                  return false;
                }
                for (const element of value) {
                  if (check.values.includes(element)) {
                    return true;
                  }
                }
                return false;
              }
              return check.values.includes(value);
            }

            function itemAllowed(decision, item) {
              if (decision.isStatic) {
                return true;
              }
              if (item === undefined || item === null) {
                return false;
              }
              for (const check of decision.checks) {
                if (satisfies(check, item[check.field])) {
                  return true;
                }
              }
              return false;
            }
            """;

    /** The auth checks as one OR-ed DynamoDB expression (an expression no item satisfies when there are none). */
    static final String CHECKS_EXPRESSION = """
            function checksExpression(checks, prefix) {
              const parts = [];
              const names = {};
              const values = {};
              let i = 0;
              for (const check of checks) {
                const name = '#' + prefix + i;
                names[name] = check.field;
                let j = 0;
                for (const value of check.values) {
                  const placeholder = ':' + prefix + i + '_' + j;
                  values[placeholder] = util.dynamodb.toDynamoDB(value);
                  parts.push(check.multiple ? 'contains(' + name + ', ' + placeholder + ')' : name + ' = ' + placeholder);
                  j += 1;
                }
                i += 1;
              }
              if (parts.length === 0) {
                const never = '#' + prefix + 'never';
                names[never] = '__never';
                return { expression: 'attribute_exists(' + never + ') AND attribute_not_exists(' + never + ')', expressionNames: names };
              }
              return { expression: parts.join(' OR '), expressionNames: names, expressionValues: values };
            }
            """;

    /** Expressions AND-ed into one; null when there are none. */
    static final String AND_EXPRESSIONS = """
            function andExpressions(expressions) {
              const parts = [];
              const names = {};
              const values = {};
              for (const expression of expressions) {
                if (expression) {
                  parts.push('(' + expression.expression + ')');
                  Object.assign(names, expression.expressionNames ?? {});
                  Object.assign(values, expression.expressionValues ?? {});
                }
              }
              if (parts.length === 0) {
                return null;
              }
              const out = { expression: parts.join(' AND ') };
              if (Object.keys(names).length > 0) {
                out.expressionNames = names;
              }
              if (Object.keys(values).length > 0) {
                out.expressionValues = values;
              }
              return out;
            }
            """;

    /** The caller's filter input as a DynamoDB filter expression. */
    static final String FILTER_EXPRESSION = """
            function filterExpression(filter) {
              if (filter === undefined || filter === null || Object.keys(filter).length === 0) {
                return null;
              }
              const text = util.transform.toDynamoDBFilterExpression(filter);
              if (!text) {
                util.error('The filter is not valid', 'ValidationError');
              }
              return JSON.parse(text);
            }
            """;

    /**
     * Filters, conditions and key arguments naming a field with read rules: which items match would give the
     * field's value away, so they may only range over items whose field the caller may read. Answers the checks to
     * add (one list per named field the caller may read only on some items), and refuses a field the caller may
     * read on no item. Walks {@code and}/{@code or}/{@code not} without recursion.
     */
    static final String GUARD = """
            function guardNamedFields(ctx, inputs, fieldRules, typeName) {
              const guardChecks = [];
              const seen = [];
              const pending = [];
              for (const input of inputs) {
                pending.push(input);
              }
              for (const node of pending) {
                if (node !== undefined && node !== null && typeof node === 'object' && !Array.isArray(node)) {
                  for (const key of Object.keys(node)) {
                    const value = node[key];
                    if (key === 'and' || key === 'or') {
                      if (Array.isArray(value)) {
                        for (const child of value) {
                          pending.push(child);
                        }
                      }
                    } else if (key === 'not') {
                      pending.push(value);
                    } else if (fieldRules[key] !== undefined && !seen.includes(key)) {
                      seen.push(key);
                      const decision = authorize(ctx, fieldRules[key]);
                      if (!decision.allowed) {
                        util.error('Not Authorized to access ' + key + ' on type ' + typeName, 'Unauthorized');
                      }
                      if (!decision.isStatic) {
                        guardChecks.push(decision.checks);
                      }
                    }
                  }
                }
              }
              return guardChecks;
            }
            """;

    /** The guard's checks (see {@link #GUARD}) as DynamoDB expressions, to AND into a filter or condition. */
    static final String GUARD_EXPRESSIONS = """
            function guardExpressions(guardChecks) {
              const expressions = [];
              let n = 0;
              for (const checks of guardChecks ?? []) {
                expressions.push(checksExpression(checks, 'a4j_read' + n + '_'));
                n += 1;
              }
              return expressions;
            }
            """;

    /** Checks as a subscription filter input: any one of them. */
    static final String CHECKS_FILTER = """
            function checksFilter(checks) {
              const alternatives = [];
              for (const check of checks) {
                if (check.kind === 'group' && !check.multiple) {
                  let chunk = [];
                  for (const value of check.values) {
                    chunk.push(value);
                    if (chunk.length === 5) {
                      const alternative = {};
                      alternative[check.field] = { in: chunk };
                      alternatives.push(alternative);
                      chunk = [];
                    }
                  }
                  if (chunk.length > 0) {
                    const alternative = {};
                    alternative[check.field] = { in: chunk };
                    alternatives.push(alternative);
                  }
                } else {
                  for (const value of check.values) {
                    const alternative = {};
                    alternative[check.field] = check.multiple ? { contains: value } : { eq: value };
                    alternatives.push(alternative);
                  }
                }
              }
              return { or: alternatives };
            }
            """;

    /**
     * Owner and group checks on the partition key of a Query: DynamoDB refuses key attributes in a filter, and
     * needs none, since every item of the partition holds the queried value. {@code keyChecks} answers null when the
     * partition value satisfies a check (every item passes), otherwise the checks on other fields (none left: no
     * item passes); {@code keyResolvedChecks} does the same for each list of checks, dropping those that pass.
     * Without a Query ({@code args} null) the checks stay as they are.
     */
    static final String KEY_CHECKS = """
            function keyChecks(checks, args, key) {
              if (!args) {
                return checks;
              }
              const remaining = [];
              for (const check of checks) {
                if (check.field === key.partitionAttribute && !check.multiple) {
                  if (check.values.includes(args[key.partitionArgument])) {
                    return null;
                  }
                } else {
                  remaining.push(check);
                }
              }
              return remaining;
            }

            function keyResolvedChecks(checksList, args, key) {
              const out = [];
              for (const checks of checksList ?? []) {
                const remaining = keyChecks(checks, args, key);
                if (remaining !== null) {
                  out.push(remaining);
                }
              }
              return out;
            }
            """;

    /** The caller's condition input as a DynamoDB condition expression. */
    static final String CONDITION_EXPRESSION = """
            function conditionExpression(condition) {
              if (condition === undefined || condition === null || Object.keys(condition).length === 0) {
                return null;
              }
              const text = util.transform.toDynamoDBConditionExpression(condition);
              if (!text) {
                util.error('The condition is not valid', 'ValidationError');
              }
              return JSON.parse(text);
            }
            """;

    /** Page size: 100 when absent, at most 1000, at least 1. */
    static final String LIMIT = """
            function limitOf(limit) {
              if (limit === undefined || limit === null) {
                return 100;
              }
              if (limit < 1) {
                util.error('limit must be at least 1', 'ValidationError');
              }
              return limit > 1000 ? 1000 : limit;
            }
            """;

    /** Composite sort key values ({@code a#b}) from the fields that make them up. */
    static final String COMPOSITE = """
            function compositeOf(values, fields) {
              const parts = [];
              for (const field of fields) {
                const value = values[field];
                if (value === undefined || value === null) {
                  return { value: parts.join('#'), complete: false, count: parts.length };
                }
                parts.push(String(value));
              }
              return { value: parts.join('#'), complete: true, count: parts.length };
            }
            """;

    /** Key conditions of list and index queries: the partition key's equality and one sort key condition. */
    static final String KEY_CONDITION = """
            function sortOperand(operand, key) {
              if (key.sortFields.length > 1) {
                return compositeOf(operand ?? {}, key.sortFields).value;
              }
              return operand;
            }

            function keyCondition(args, key) {
              const partition = args[key.partitionArgument];
              if (partition === undefined || partition === null) {
                if (key.sortArgument && args[key.sortArgument]) {
                  util.error('A condition on ' + key.sortArgument + ' needs ' + key.partitionArgument, 'ValidationError');
                }
                return null;
              }
              const names = { '#a4j_pk': key.partitionAttribute };
              const values = { ':a4j_pk': util.dynamodb.toDynamoDB(partition) };
              const parts = ['#a4j_pk = :a4j_pk'];
              const condition = key.sortArgument ? args[key.sortArgument] : null;
              if (condition !== undefined && condition !== null) {
                names['#a4j_sk'] = key.sortAttribute;
                for (const operator of Object.keys(condition)) {
                  const operand = condition[operator];
                  let op = operator;
                  if (key.sortFields.length > 1 && operator === 'eq' && !compositeOf(operand ?? {}, key.sortFields).complete) {
                    op = 'beginsWith';
                  }
                  if (op === 'between') {
                    if (!Array.isArray(operand) || operand.length !== 2) {
                      util.error('between needs two values', 'ValidationError');
                    }
                    values[':a4j_sk0'] = util.dynamodb.toDynamoDB(sortOperand(operand[0], key));
                    values[':a4j_sk1'] = util.dynamodb.toDynamoDB(sortOperand(operand[1], key));
                    parts.push('#a4j_sk BETWEEN :a4j_sk0 AND :a4j_sk1');
                  } else if (op === 'beginsWith') {
                    values[':a4j_sk'] = util.dynamodb.toDynamoDB(sortOperand(operand, key));
                    parts.push('begins_with(#a4j_sk, :a4j_sk)');
                  } else {
                    const comparator = { eq: '=', le: '<=', lt: '<', ge: '>=', gt: '>' }[op];
                    if (!comparator) {
                      util.error('Unknown key condition ' + op, 'ValidationError');
                    }
                    values[':a4j_sk'] = util.dynamodb.toDynamoDB(sortOperand(operand, key));
                    parts.push('#a4j_sk ' + comparator + ' :a4j_sk');
                  }
                }
              }
              return { expression: parts.join(' AND '), expressionNames: names, expressionValues: values };
            }
            """;

    /** Field validators: each value (each element of a list) checked; the first failure is the error. */
    static final String VALIDATE = """
            function passes(value, validator) {
              switch (validator.kind) {
                case 'minLength':
                  return String(value).length >= validator.operand;
                case 'maxLength':
                  return String(value).length <= validator.operand;
                case 'startsWith':
                  return String(value).startsWith(validator.operand);
                case 'endsWith':
                  return String(value).endsWith(validator.operand);
                case 'matches':
                  return util.matches(validator.operand, String(value));
                case 'gt':
                  return value > validator.operand;
                case 'lt':
                  return value < validator.operand;
                case 'gte':
                  return value >= validator.operand;
                case 'lte':
                  return value <= validator.operand;
                default:
                  return true;
              }
            }

            function validate(values, validators) {
              for (const validator of validators) {
                const value = values[validator.field];
                if (value !== undefined && value !== null) {
                  const elements = Array.isArray(value) ? value : [value];
                  for (const element of elements) {
                    if (element !== null && !passes(element, validator)) {
                      util.error(validator.message, 'ValidationError');
                    }
                  }
                }
              }
            }
            """;

    /** Nulls fields a caller may not read, one Unauthorized error per field; items are redacted in place. */
    static final String REDACT = """
            function redact(ctx, items, typeName, fieldRules) {
              for (const field of Object.keys(fieldRules)) {
                const decision = authorize(ctx, fieldRules[field]);
                let denied = false;
                for (const item of items) {
                  if (item && item[field] !== undefined && item[field] !== null && !itemAllowed(decision, item)) {
                    item[field] = null;
                    denied = true;
                  }
                }
                if (denied) {
                  util.appendError('Not Authorized to access ' + field + ' on type ' + typeName, 'Unauthorized');
                }
              }
            }
            """;

    /** The primary key of an item from the values holding its key fields (arguments or input). */
    static final String KEY = """
            function keyOf(values, key) {
              const out = {};
              out[key.partitionAttribute] = values[key.partitionKey];
              if (key.sortAttribute) {
                if (key.sortFields.length > 1) {
                  const composite = compositeOf(values, key.sortFields);
                  if (!composite.complete) {
                    util.error('The key needs ' + key.sortFields.join(', '), 'ValidationError');
                  }
                  out[key.sortAttribute] = composite.value;
                } else {
                  out[key.sortAttribute] = values[key.sortFields[0]];
                }
              }
              return out;
            }
            """;

    /** Replaces the environment variable names in a snippet. */
    static String withEnvironment(String snippet) {
        return WITH_ENVIRONMENT.computeIfAbsent(snippet, s -> s
                .replace("@USER_POOL_ISSUER@", ResolverNames.USER_POOL_ISSUER_ENV)
                .replace("@IDENTITY_POOL_ID@", ResolverNames.IDENTITY_POOL_ID_ENV));
    }
}
