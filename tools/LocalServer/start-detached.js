// Starts a Node.js server in a session of its own (a new process group on Windows) and prints its process id.
// Ctrl+C at the prompt that started it signals only that prompt's foreground process group, so the server
// outlives it; Stop-LocalServer ends it by process id.
// Usage: node start-detached.js <log file> <error log file> <server script> <server arguments...>
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const [logPath, errorLogPath, serverScript, ...serverArguments] = process.argv.slice(2);
const server = spawn(process.execPath, [serverScript, ...serverArguments], {
  detached: true,
  windowsHide: true,
  stdio: ['ignore', fs.openSync(logPath, 'a'), fs.openSync(errorLogPath, 'a')],
});
server.unref();
process.stdout.write(String(server.pid));
