// Schools install offline and CI has no Chrome download: ezurnals prints with a
// system Chromium (see README "How PDFs find a browser"), so npm install never
// downloads a browser.
module.exports = { skipDownload: true };
