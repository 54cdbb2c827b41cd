#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Postern::Testing {

// Test rows name folders by placeholders ("WD/note.txt") that a test replaces by real paths. One pass
// over the row's own text: what is put in is never read again, so a temporary folder whose random name
// happens to hold a placeholder's letters ("/tmp/x-OUT/") stays as it is. At each place the first
// placeholder of the list that starts there wins.
QString expandPlaceholders(const QString &text, const QList<std::pair<QString, QString>> &values);

} // namespace Postern::Testing
