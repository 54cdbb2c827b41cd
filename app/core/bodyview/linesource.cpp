#include "bodyview/linesource.h"

namespace Postern {

QString LineSource::copyText(qsizetype first, qsizetype last) const
{
    QString text;
    for (qsizetype line = qMax<qsizetype>(0, first); line <= last && line < lineCount(); ++line) {
        if (line > first)
            text += u'\n';
        text += lineText(line);
    }
    return text;
}

QString LineSource::displayText(QByteArrayView utf8)
{
    QString text = QString::fromUtf8(utf8);
    if (text.contains(u'\t')) {
        QString expanded;
        expanded.reserve(text.size() + 16);
        for (const QChar c : std::as_const(text)) {
            if (c == u'\t')
                expanded.append(QString(4 - expanded.size() % 4, u' '));
            else
                expanded.append(c);
        }
        text = expanded;
    }
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20)
            c = QChar(char16_t(0x2400 + u)); // ␀, ␁ ... ␟
        else if (u == 0x7f)
            c = QChar(char16_t(0x2421)); // ␡
    }
    return text;
}

} // namespace Postern
