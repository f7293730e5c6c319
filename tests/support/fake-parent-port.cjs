/* global process */
// Electron's `process.parentPort` of a utility process, made of Node's IPC channel: loaded with
// --require into the child that fake-electron's utilityProcess.fork starts (tests only).
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => {
    if (event === 'message') process.on('message', (data) => listener({ data }));
  },
};
