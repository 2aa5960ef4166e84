// Preloaded (node -r) by bench/startup.mjs into every measured process, bare node included:
// writes the process's own CPU time (user + system, µs resolution) to fd 3 as it exits.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeSync(3, `${(user + system) / 1000}\n`);
});
