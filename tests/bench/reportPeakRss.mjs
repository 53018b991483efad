// Preloaded (`node --import`) into a `solocrm` process by appMemory.ts: at exit, the process's
// peak resident memory (its worker threads included), as the last line of stderr.
process.on('exit', () => {
  process.stderr.write(`\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
