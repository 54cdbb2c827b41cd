#pragma once

#include <QByteArray>
#include <QString>

// For the canary sweep (tests/canaries/canary-sweep.sh), which runs after the end-to-end tests and
// searches CTest's log, their reports and whatever they left on disk for every secret they used.
// The tests tell it which secrets to look for, the moment they know them: the fixed canaries they
// start with and the tokens they are issued. Without the sweep's environment (a test run on its own)
// nothing is recorded, and reports stay where the test puts them.
namespace Postern::Testing {

// Appends secret as one line to the file named by POSTERN_CANARY_FILE, when that variable is set.
// Values shorter than 8 characters are skipped (too likely to occur by chance), and so are values with
// a line break (the file holds one secret per line); a value already recorded by this process is not
// written again.
void recordCanary(const QString &secret);
void recordCanary(const QByteArray &secret);
// Records each base64 line of a PEM private key (not its BEGIN and END lines, which every key shares).
void recordPemCanary(const QByteArray &pem);

// Where a test keeps the reports it has checked for secrets so that the sweep reads them again after
// the whole suite: POSTERN_CANARY_DIR/name (made if needed) when that variable is set, otherwise
// fallback.
QString canaryReportFolder(const QString &name, const QString &fallback);

} // namespace Postern::Testing
