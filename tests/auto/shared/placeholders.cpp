#include "shared/placeholders.h"

namespace Postern::Testing {

QString expandPlaceholders(const QString &text, const QList<std::pair<QString, QString>> &values)
{
    QString expanded;
    for (qsizetype at = 0; at < text.size();) {
        bool replaced = false;
        for (const auto &[placeholder, value] : values) {
            if (QStringView(text).mid(at).startsWith(placeholder)) {
                expanded += value;
                at += placeholder.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            expanded += text.at(at++);
    }
    return expanded;
}

} // namespace Postern::Testing
