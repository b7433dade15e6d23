// Amplify4j sandbox: the per-context state shared by the @aws-appsync/utils runtime and the Java host.
// Not part of the APPSYNC_JS surface; resolver code never imports it.
//
// Every handler call goes through invoke(): it resets the state, builds ctx from JSON, runs the handler
// and answers one JSON string with the handler's value (or the util.error / runtime.earlyReturn signal),
// the stash after the call, the errors util.appendError collected and the extensions recorded.

const java = globalThis.__amplify4jHost;

/** Thrown (never an Error) to unwind a handler after util.error, util.unauthorized or runtime.earlyReturn. */
export const SIGNAL = Object.freeze({ amplify4jSignal: true });

export const state = {
  java,
  info: null,
  authType: 'API Key Authorization',
  signal: null,
  appended: [],
  extensions: [],
};

export function raise(signal) {
  state.signal = signal;
  throw SIGNAL;
}

function jsonValue(value) {
  return value === undefined ? null : value;
}

export function invoke(handler, ctxJson, metaJson) {
  const meta = JSON.parse(metaJson);
  state.info = meta.info;
  state.authType = meta.authType;
  state.signal = null;
  state.appended = [];
  state.extensions = [];
  const ctx = JSON.parse(ctxJson);
  ctx.args = ctx.arguments;
  let value = null;
  try {
    value = handler(ctx);
  } catch (e) {
    if (e !== SIGNAL) {
      throw e;
    }
  }
  const out = {
    stash: ctx.stash,
    appended: state.appended,
    extensions: state.extensions,
  };
  if (state.signal !== null) {
    out.signal = state.signal;
  } else {
    out.value = jsonValue(value);
  }
  state.signal = null;
  return JSON.stringify(out);
}
