// The browser is found or installed by scripts/bootstrap.mjs, not by
// puppeteer's postinstall: offline machines would fail the whole install.
module.exports = { skipDownload: true };
