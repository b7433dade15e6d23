// Amplify4j sandbox: the per-context state shared by the @aws-appsync/utils runtime and the Java host.
// Not part of the APPSYNC_JS surface; resolver code never imports it.
//
// Every handler call goes through invoke(): it resets the state, builds ctx from JSON, runs the handler
// and answers three JSON strings: the util.error / runtime.earlyReturn signal, the errors util.appendError
// collected and the extensions recorded; the stash after the call (null when ctx.stash is undefined); and the
// handler's value (null after a signal). Java passes the stash and most values on to the next handler as text.

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
  const stash = JSON.stringify(ctx.stash);
  const out = {
    appended: state.appended,
    extensions: state.extensions,
  };
  let valueJson = null;
  if (state.signal !== null) {
    out.signal = state.signal;
  } else {
    valueJson = JSON.stringify(jsonValue(value)) ?? 'null';
  }
  state.signal = null;
  return [JSON.stringify(out), stash ?? null, valueJson];
}
